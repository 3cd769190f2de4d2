namespace ReferenceFlow.Storage.Runtime;

/// <summary>A command lost the optimistic-concurrency race more times than allowed.</summary>
public sealed class ConcurrencyConflictException(string streamId, int attempts)
    : Exception($"Stream '{streamId}' kept changing; the command was not applied after {attempts} attempts.")
{
    public string StreamId { get; } = streamId;
}
