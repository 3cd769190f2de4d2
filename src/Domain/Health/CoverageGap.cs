namespace ReferenceFlow.Domain.Health;

/// <summary>The directory's dimensions a prospect is matched on and coverage is counted by.</summary>
public enum CoverageDimension
{
    Topic,
    Industry,
    Country,
    Product,
}

/// <summary>A value of a dimension with fewer than <see cref="Coverage.Minimum"/> active, consented references.</summary>
public sealed record CoverageGap(CoverageDimension Dimension, string Value, int ActiveReferences);
