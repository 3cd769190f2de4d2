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
/// <remarks>
/// Every writer moves today's row, so writers in one process do not each read and write it in turn: the decisions that
/// arrive while a write is under way wait for the next, and it records all of them in one transaction (up to
/// <see cref="MostPerWrite"/>). A burst of a hundred submissions then costs a few writes of today's row, not a hundred
/// one after another. Writers in other processes still meet at the ETags.
/// </remarks>
public sealed class ProgramFactsWriter(ProgramDays days, RequestStore history)
{
    private const int Attempts = 8;

    /// <summary>The most requests one write records: with the days they move, well within a transaction's 100 rows.</summary>
    public const int MostPerWrite = 40;

    private readonly Lock _gate = new();
    private readonly List<Waiting> _queue = [];
    private bool _writing;

    /// <summary>The facts as stored for <paramref name="requestId"/>, with the version they were folded to.</summary>
    public Task<StoredFacts> ReadAsync(string requestId, CancellationToken ct) => days.ReadAsync(requestId, ct);

    /// <summary>Records <paramref name="decision"/>'s figures; returns when they are written, throws when they could not be.</summary>
    public Task RecordAsync(Decision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var waiting = new Waiting(decision, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool write;
        lock (_gate)
        {
            _queue.Add(waiting);
            write = !_writing;
            _writing = true;
        }
        // The write serves every caller queued, so it runs on its own and no caller's cancellation stops the others'.
        if (write) _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return waiting.Written.Task.WaitAsync(ct);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_gate)
            {
                batch = TakeBatch();
                if (batch.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var waiting in batch) waiting.Written.TrySetException(e);
            }
        }
    }

    /// <summary>The queued decisions of different requests, oldest first; a request's later decision waits for the next write.</summary>
    private List<Waiting> TakeBatch()
    {
        var batch = new List<Waiting>();
        var requests = new HashSet<string>();
        foreach (var waiting in _queue)
        {
            if (batch.Count == MostPerWrite) break;
            if (requests.Add(waiting.Decision.RequestId)) batch.Add(waiting);
        }
        foreach (var taken in batch) _queue.Remove(taken);
        return batch;
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        var ct = CancellationToken.None;
        for (var attempt = 1; ; attempt++)
        {
            var changes = await Task.WhenAll(batch.Select(w => ChangeAsync(w, firstAttempt: attempt == 1, ct))).ConfigureAwait(false);
            // Those the figures have counted already are done; the rest are written together.
            var counted = batch.Zip(changes).ToLookup(c => c.Second is null);
            foreach (var (done, _) in counted[true]) done.Written.TrySetResult();
            batch = [.. counted[false].Select(c => c.First)];
            if (batch.Count == 0) return;
            if (await days.TryReplaceAsync([.. counted[false].Select(c => c.Second!)], ct).ConfigureAwait(false))
            {
                foreach (var written in batch) written.Written.TrySetResult();
                return;
            }
            // Another process moved one of the same days, or another run of one of these requests got there first: read again.
            if (attempt == Attempts) throw new InvalidOperationException($"The program figures kept changing under {Attempts} attempts; the decision's effects are retried.");
            await Task.Delay(Random.Shared.Next(5, 40 * attempt), ct).ConfigureAwait(false);
        }
    }

    /// <summary>What <paramref name="waiting"/>'s decision changes in its request's facts; null when they have counted it already.</summary>
    private async Task<FactsChange?> ChangeAsync(Waiting waiting, bool firstAttempt, CancellationToken ct)
    {
        var decision = waiting.Decision;
        var id = decision.RequestId;
        // A request's first decision nearly always finds no facts row: it is added without a read, and read only when one was there.
        var stored = firstAttempt && decision.FromVersion == 0 ? new StoredFacts(RequestFacts.None, 0, null) : await days.ReadAsync(id, ct).ConfigureAwait(false);
        if (stored.Version >= decision.ToVersion) return null;
        var events = new List<Domain.Requests.RequestEvent>();
        if (stored.Version < decision.FromVersion)
        {
            var missed = await history.ReadHistoryAsync(id, ct).ConfigureAwait(false);
            events.AddRange(missed.Where(h => h.Version > stored.Version && h.Version <= decision.FromVersion).OrderBy(h => h.Version).Select(h => h.Event));
        }
        events.AddRange(decision.Events.Skip((int)Math.Max(0, stored.Version - decision.FromVersion)));

        var thanked = decision.After.Current?.Key;
        var next = events.Aggregate(stored.Facts, (facts, e) => facts.Fold(e, thanked)) with { Status = decision.After.Status };
        return new FactsChange(id, stored, next, decision.ToVersion);
    }

    private sealed record Waiting(Decision Decision, TaskCompletionSource Written);
}
