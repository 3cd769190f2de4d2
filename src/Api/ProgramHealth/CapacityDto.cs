using ReferenceFlow.Domain.Health.Capacity;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>
/// One row of <c>GET /api/program/capacity</c> (api.md), the dimension in lower case; <c>openRequests</c> (the requests
/// waiting for a reference now, served first) is added to the contract's fields.
/// </summary>
public sealed record CapacityDto(string Dimension, string Value, double DemandPerQuarter, int CallsLeftThisQuarter, DateOnly? RunsDryOn, int OpenRequests)
{
    public static CapacityDto From(CapacityRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Dimension.ToString().ToLowerInvariant(), row.Value, row.DemandPerQuarter, row.CallsLeftThisQuarter, row.RunsDryOn, row.OpenRequests);
    }
}
