using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>The prospect side, precomputed once per ranking, and the similarity terms (each in [0, 1]).</summary>
internal sealed class ProspectTerms
{
    public ProspectTerms(ProspectProfile prospect, IReadOnlyList<string> topics)
    {
        Prospect = prospect;
        Region = Regions.Of(prospect.Country);
        Products = new HashSet<string>(prospect.Products.Where(p => !string.IsNullOrWhiteSpace(p)), StringComparer.OrdinalIgnoreCase);
        Topics = new HashSet<string>(topics.Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);
        ProductList = [.. Products];
        TopicList = [.. Topics];
        HasUseCase = !string.IsNullOrWhiteSpace(prospect.UseCase);
        HasCompetitor = !string.IsNullOrWhiteSpace(prospect.Competitor);
        TotalWeight = MatchWeights.Industry + MatchWeights.Scale + MatchWeights.Region + MatchWeights.Language
            + MatchWeights.Persona + MatchWeights.Seniority
            + (Products.Count > 0 ? MatchWeights.Products : 0)
            + (HasUseCase ? MatchWeights.UseCase : 0)
            + (Topics.Count > 0 ? MatchWeights.Topics : 0)
            + (HasCompetitor ? MatchWeights.Competitor : 0);
    }

    public ProspectProfile Prospect { get; }
    public string Region { get; }
    public HashSet<string> Products { get; }
    public HashSet<string> Topics { get; }

    // The hot loop scans these small arrays: cheaper than hashing every directory entry case-insensitively.
    private string[] ProductList { get; }
    private string[] TopicList { get; }
    public bool HasUseCase { get; }
    public bool HasCompetitor { get; }
    public double TotalWeight { get; }

    internal IReadOnlyList<string> WantedProducts => ProductList;
    internal IReadOnlyList<string> WantedTopics => TopicList;

    /// <summary>Weighted account-level terms (not yet divided by TotalWeight).</summary>
    public double AccountPart(ReferenceAccount account) =>
        (MatchWeights.Industry * Industry(account))
        + (MatchWeights.Scale * Scale(account))
        + (MatchWeights.Region * RegionTerm(account))
        + (Products.Count > 0 ? MatchWeights.Products * ProductsTerm(account) : 0)
        + (HasUseCase ? MatchWeights.UseCase * UseCaseTerm(account) : 0)
        + (HasCompetitor ? MatchWeights.Competitor * CompetitorTerm(account) : 0);

    /// <summary>Weighted contact-level terms (not yet divided by TotalWeight).</summary>
    public double ContactPart(ReferenceContact contact) =>
        (MatchWeights.Language * LanguageTerm(contact))
        + (MatchWeights.Persona * PersonaTerm(contact))
        + (MatchWeights.Seniority * SeniorityTerm(contact))
        + (Topics.Count > 0 ? MatchWeights.Topics * TopicsTerm(contact) : 0);

    public double Industry(ReferenceAccount a) => Same(a.Industry, Prospect.Industry) ? 1 : 0;

    public double Scale(ReferenceAccount a)
    {
        var orders = Math.Abs(Math.Log10(Math.Max(1, a.Employees)) - Math.Log10(Math.Max(1, Prospect.Employees)));
        return Math.Max(0, 1 - (orders / MatchWeights.ScaleOrdersToZero));
    }

    public double RegionTerm(ReferenceAccount a) =>
        Same(a.Country, Prospect.Country) ? 1
        : Region != "Other" && Regions.Of(a.Country) == Region ? MatchWeights.SameRegionShare : 0;

    public double ProductsTerm(ReferenceAccount a) => (double)Found(ProductList, a.Products) / ProductList.Length;

    public double UseCaseTerm(ReferenceAccount a) => Contains(a.UseCases, Prospect.UseCase) ? 1 : 0;

    public double CompetitorTerm(ReferenceAccount a) => Contains(a.MigratedFrom, Prospect.Competitor) ? 1 : 0;

    public double LanguageTerm(ReferenceContact c) => Contains(c.Languages, Prospect.Language) ? 1 : 0;

    public double PersonaTerm(ReferenceContact c) =>
        c.Persona == Prospect.Persona ? 1
        : IsPair(c.Persona, Prospect.Persona, Persona.Executive, Persona.Business) ? 0.5 : 0;

    public double SeniorityTerm(ReferenceContact c) => Math.Abs((int)c.Seniority - (int)Prospect.Seniority) switch
    {
        0 => 1,
        1 => 0.5,
        _ => 0,
    };

    public double TopicsTerm(ReferenceContact c) => (double)Found(TopicList, c.Topics) / TopicList.Length;

    private static bool IsPair(Persona a, Persona b, Persona x, Persona y) => (a == x && b == y) || (a == y && b == x);

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Same(list[i], value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of the wanted (distinct) items the list holds.</summary>
    private static int Found(string[] wanted, IReadOnlyList<string> list)
    {
        var hits = 0;
        foreach (var item in wanted)
        {
            if (Contains(list, item))
            {
                hits++;
            }
        }

        return hits;
    }
}
