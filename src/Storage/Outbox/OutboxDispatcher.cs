using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Streams;
using ReferenceFlow.Storage.Timers;

namespace ReferenceFlow.Storage.Outbox;

/// <summary>Moves outbox rows to their queues (or the summary read model), then deletes the rows.</summary>
public sealed class OutboxDispatcher(
    StorageLayout layout,
    IMessageQueues queues,
    TimerIndex timers,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    IFaultInjector faults,
    ISummaryRefresher? summaries = null)
{
    private TableClient Streams => layout.Table(layout.Names.Streams);

    public async Task DispatchAsync(string streamId, IReadOnlyList<OutboxEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var partition = KeyEncoding.Encode(streamId);
        foreach (var entry in entries)
        {
            await SendAsync(entry, ct).ConfigureAwait(false);
            faults.At(FaultPoint.AfterEnqueueBeforeOutboxRemoved, entry.EffectId);
            try
            {
                await Streams.DeleteEntityAsync(partition, StreamRows.Outbox(entry.EffectId), ETag.All, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // A concurrent dispatch (live or sweeper) removed it first; the consumer dedupes.
            }
        }
    }

    /// <summary>The outbox rows still in a stream's partition.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(string streamId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {KeyEncoding.Encode(streamId)} and RowKey ge {StreamRows.OutboxFrom} and RowKey lt {StreamRows.OutboxTo}");
        var pending = new List<OutboxEntry>();
        await foreach (var row in Streams.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            pending.Add(OutboxEntry.FromRow(row));
        }
        return pending;
    }

    private async Task SendAsync(OutboxEntry entry, CancellationToken ct)
    {
        switch (entry.Kind)
        {
            case OutboxKind.Summary:
                if (summaries is not null)
                {
                    await summaries.RefreshAsync(entry.StreamId, ct).ConfigureAwait(false);
                }
                break;
            case OutboxKind.Timer when entry.Timer is { } timer:
                // Indexed first: if the message is lost, the sweeper still finds the timer.
                await timers.AddAsync(entry.StreamId, entry.EffectId, timer, ct).ConfigureAwait(false);
                var body = MessageJson.Write(new TimerMessage(entry.StreamId, entry.EffectId, timer.TimerId, timer.Kind, timer.DueAt));
                await queues.Get(layout.Names.TimerQueue).SendAsync(body, TimerDelay(timer.DueAt), ct).ConfigureAwait(false);
                break;
            default:
                await queues.Get(layout.Names.WorkQueue)
                    .SendAsync(MessageJson.Write(new WorkMessage(entry.StreamId, entry.EffectId, entry.Payload)), TimeSpan.Zero, ct)
                    .ConfigureAwait(false);
                break;
        }
    }

    /// <summary>min(remaining, cap): a timer beyond the cap arrives early and is put back.</summary>
    public TimeSpan TimerDelay(DateTimeOffset dueAt)
    {
        var remaining = dueAt - time.GetUtcNow();
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero
            : remaining < options.Value.MaxTimerDelay ? remaining : options.Value.MaxTimerDelay;
    }
}
