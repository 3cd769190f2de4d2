namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// Every weight of the match score, in one place. Similarity weights add up to 1; a term the
/// prospect leaves blank (no competitor, no use case) drops out and the rest are rescaled.
/// Score = SimilarityShare × similarity + RotationShare × rotation − FatiguePenalty × fatigue, clamped to [0, 1].
/// </summary>
public static class MatchWeights
{
    /// <summary>Buyers trust peers in their own industry most; it is the first thing reps ask for.</summary>
    public const double Industry = 0.14;

    /// <summary>A 50-person shop and a hyperscaler live different projects; compared on a log scale of employees.</summary>
    public const double Scale = 0.12;

    /// <summary>Same country (full) or same region (part): regulation, market and culture carry over.</summary>
    public const double Region = 0.10;

    /// <summary>A call in the prospect's own language is a better call.</summary>
    public const double Language = 0.06;

    /// <summary>The products the prospect is buying, as a share of those the account runs.</summary>
    public const double Products = 0.12;

    /// <summary>The same use case means the same problems were solved.</summary>
    public const double UseCase = 0.08;

    /// <summary>Business to business, technical to technical; an executive is half a match for a business buyer.</summary>
    public const double Persona = 0.10;

    /// <summary>VP to VP: one level apart is half a match, more is none.</summary>
    public const double Seniority = 0.10;

    /// <summary>The topics the rep needs validated, as a share the contact can speak to.</summary>
    public const double Topics = 0.12;

    /// <summary>Having left the competitor the prospect is weighing is the strongest migration story.</summary>
    public const double Competitor = 0.06;

    /// <summary>How much of the score similarity makes up.</summary>
    public const double SimilarityShare = 0.90;

    /// <summary>Least recently used first among near-equals: full for never used or unused for RotationHorizonDays.</summary>
    public const double RotationShare = 0.10;

    /// <summary>
    /// Subtracted in proportion to the uses inside the fatigue window against the contact's cap: half the rotation share, so
    /// rest counts for a contact twice what recent use counts against them. The cap already stops a contact being asked more
    /// than agreed; at 0.15 the penalty outweighed real differences in fit (decision 042).
    /// </summary>
    public const double FatiguePenalty = 0.05;

    public const double RotationHorizonDays = 180;

    public const double FatigueWindowDays = 90;

    /// <summary>Same region but another country earns this share of the region weight.</summary>
    public const double SameRegionShare = 0.6;

    /// <summary>Scale similarity falls to zero at this many orders of magnitude apart (100×).</summary>
    public const double ScaleOrdersToZero = 2.0;
}
