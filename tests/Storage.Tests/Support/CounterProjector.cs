using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Storage.Tests.Support;

public sealed class CounterProjector : ISummaryProjector<CounterState>
{
    public IReadOnlyDictionary<string, object?> Project(string streamId, long version, CounterState state) =>
        new Dictionary<string, object?>
        {
            [SummaryColumns.State] = state.PendingTimer is null ? "Idle" : "Waiting",
            [SummaryColumns.Requester] = state.Owner,
            ["Count"] = state.Count,
        };
}
