using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// Folds a decision's events into the request's program facts and moves the day figures with them (<see cref="ProgramDays"/>).
/// Only events past the version already folded count, so a rerun, a retry or the submitter's late copy of the first
/// decision changes nothing. A request the figures have not followed from its start (one submitted before they existed)
/// has its missing events read once from its history, which the decision has just been appended to.
/// </summary>
public sealed class ProgramFactsWriter(ProgramDays days, RequestStore history)
{
    private const int Attempts = 8;

    // Every writer moves today's row: in one process they take turns rather than fail each other's transactions and
    // retry. Writers in other processes still meet at the ETags.
    private readonly SemaphoreSlim _turn = new(1);

    /// <summary>The facts as stored for <paramref name="requestId"/>, with the version they were folded to.</summary>
    public Task<StoredFacts> ReadAsync(string requestId, CancellationToken ct) => days.ReadAsync(requestId, ct);

    public async Task RecordAsync(Decision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await RecordInTurnAsync(decision, ct).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task RecordInTurnAsync(Decision decision, CancellationToken ct)
    {
        var id = decision.RequestId;
        for (var attempt = 1; ; attempt++)
        {
            // A request's first decision nearly always finds no facts row: it is added without a read, and read only when one was there.
            var stored = attempt == 1 && decision.FromVersion == 0 ? new StoredFacts(RequestFacts.None, 0, null) : await days.ReadAsync(id, ct).ConfigureAwait(false);
            if (stored.Version >= decision.ToVersion) return;
            var events = new List<Domain.Requests.RequestEvent>();
            if (stored.Version < decision.FromVersion)
            {
                var missed = await history.ReadHistoryAsync(id, ct).ConfigureAwait(false);
                events.AddRange(missed.Where(h => h.Version > stored.Version && h.Version <= decision.FromVersion).OrderBy(h => h.Version).Select(h => h.Event));
            }
            events.AddRange(decision.Events.Skip((int)Math.Max(0, stored.Version - decision.FromVersion)));

            var thanked = decision.After.Current?.Key;
            var next = events.Aggregate(stored.Facts, (facts, e) => facts.Fold(e, thanked)) with { Status = decision.After.Status };
            if (await days.TryReplaceAsync(id, stored, next, decision.ToVersion, ct).ConfigureAwait(false)) return;
            // Another request moved one of the same days, or another run of this request got there first: read again.
            if (attempt == Attempts) throw new InvalidOperationException($"The program figures of request {id} kept changing under {Attempts} attempts; the activity retries.");
            await Task.Delay(Random.Shared.Next(5, 40 * attempt), ct).ConfigureAwait(false);
        }
    }
}
