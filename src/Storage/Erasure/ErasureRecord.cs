namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// One erasure as the program manager follows it. It names the pseudonym, never the person: the record must not become
/// the one place that still knows who was erased.
/// </summary>
public sealed record ErasureRecord(
    string Id,
    ErasureState State,
    string Pseudonym,
    bool InDirectory,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<StoreCleared> Stores,
    IReadOnlyList<string> Requests,
    string? Error = null);

public enum ErasureState
{
    Running,
    Done,
    Failed,
}
