namespace ReferenceFlow.Domain.Health.Capacity;

/// <summary>
/// One dimension value's outlook: the calls requests will ask for in the next quarter at the current trend
/// (<paramref name="DemandPerQuarter"/>), the requests waiting for a reference now (<paramref name="OpenRequests"/>), the
/// calls the directory can still give this quarter, and the day demand first exceeds what is left (null: not within the
/// forecast's horizon).
/// </summary>
public sealed record CapacityRow(
    CapacityDimension Dimension, string Value, double DemandPerQuarter, int OpenRequests, int CallsLeftThisQuarter, DateOnly? RunsDryOn)
{
    /// <summary>The dimension as a label ("Topic").</summary>
    public string DimensionInWords => Dimension.ToString();

    /// <summary>The value as people read it: a country by its name.</summary>
    public string ValueInWords => Dimension == CapacityDimension.Country ? Places.Countries.Name(Value) : Value;
}
