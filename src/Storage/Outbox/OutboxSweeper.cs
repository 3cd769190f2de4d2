using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Storage.Outbox;

/// <summary>Dispatches outbox rows that a crash (or an outage) left behind, found through the <see cref="OutboxIndex"/>.</summary>
public sealed partial class OutboxSweeper(
    OutboxIndex index, OutboxDispatcher dispatcher, IOptions<RuntimeOptions> options, ILogger<OutboxSweeper> logger)
{
    /// <summary>One pass; returns how many rows were dispatched.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var dispatched = 0;
        foreach (var (streamId, etag) in await index.StaleAsync(options.Value.OutboxSweepGrace, 500, ct).ConfigureAwait(false))
        {
            var pending = await dispatcher.PendingAsync(streamId, ct).ConfigureAwait(false);
            if (pending.Count > 0)
            {
                LogRedispatch(logger, pending.Count, streamId);
                await dispatcher.DispatchAsync(streamId, pending, ct).ConfigureAwait(false);
                dispatched += pending.Count;
            }
            await index.ClearAsync(streamId, etag, ct).ConfigureAwait(false);
        }
        return dispatched;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-dispatching {Count} outbox rows left behind on stream {StreamId}")]
    private static partial void LogRedispatch(ILogger logger, int count, string streamId);
}
