using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// Fills the insights read model from debriefs recorded before it existed, once per table: the first read of a process
/// checks a marker row and, when it is missing, replays the history of every request that holds a debrief through the
/// decider, recording the insights its effects name, exactly as the workflow records a new one. Rows are keyed by the
/// debrief, so a row the workflow wrote meanwhile is written again with the same content.
/// </summary>
public sealed class InsightBackfill
{
    private readonly AsyncOnce _once;

    public InsightBackfill(RequestStore requests, InsightStore insights, WorkflowPolicy policy) =>
        _once = new AsyncOnce(ct => RunAsync(requests, insights, new RequestDecider(policy), ct));

    public Task EnsureAsync(CancellationToken ct) => _once.EnsureAsync(ct);

    private static async Task RunAsync(RequestStore requests, InsightStore insights, RequestDecider decider, CancellationToken ct)
    {
        if (await insights.IsBackfilledAsync(ct).ConfigureAwait(false)) return;
        await foreach (var requestId in requests.WithEventAsync(nameof(DebriefSubmitted), ct).ConfigureAwait(false))
        {
            var state = RequestState.Initial;
            foreach (var entry in await requests.ReadHistoryAsync(requestId, ct).ConfigureAwait(false))
            {
                state = decider.Evolve(state, entry.Event);
                if (entry.Event is not DebriefSubmitted) continue;
                foreach (var learned in decider.Effects(entry.Event, state).OfType<RecordInsight>())
                {
                    await insights.RecordAsync(learned.Insight, ct).ConfigureAwait(false);
                }
            }
        }
        await insights.MarkBackfilledAsync(ct).ConfigureAwait(false);
    }
}
