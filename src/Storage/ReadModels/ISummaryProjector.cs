namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Flattens a stream's state into the properties of its summary row (for lists). Supply
/// <see cref="SummaryColumns.State"/> and <see cref="SummaryColumns.Requester"/> to query by them.
/// Values must be table types: string, bool, int, long, double, DateTimeOffset, Guid.
/// </summary>
public interface ISummaryProjector<in TState>
{
    /// <summary>The summary properties of <paramref name="streamId"/> at <paramref name="version"/>.</summary>
    IReadOnlyDictionary<string, object?> Project(string streamId, long version, TState state);
}
