using ReferenceFlow.Storage.Erasure;

namespace ReferenceFlow.Api.Erasure;

public sealed record ErasureInput(string? Email);

public sealed record ErasureStoreDto(string Store, int Rows);

/// <summary>An erasure as <c>GET /api/erasures/{id}</c> shows it: progress, and when done the stores it cleared. It names
/// the pseudonym, never the person.</summary>
public sealed record ErasureView(
    string Id,
    string State,
    string Pseudonym,
    bool InDirectory,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ErasureStoreDto> Stores,
    IReadOnlyList<string> Requests,
    string? Error)
{
    public static ErasureView Of(ErasureRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.State.ToString(), record.Pseudonym, record.InDirectory, record.RequestedBy, record.RequestedAt,
            record.FinishedAt, [.. record.Stores.Select(s => new ErasureStoreDto(s.Store, s.Rows))], record.Requests, record.Error);
    }
}
