namespace ReferenceFlow.Storage.Queues;

/// <summary>Receives a batch of at most <paramref name="concurrency"/> messages and processes them in parallel.</summary>
public sealed class QueuePump(IMessageQueue queue, Func<QueuedMessage, CancellationToken, Task> process, int concurrency, TimeSpan visibility)
{
    public string Name => queue.Name;

    /// <summary>One receive; returns how many messages were processed (0 when the queue looked empty).</summary>
    public async Task<int> PumpOnceAsync(CancellationToken ct)
    {
        var messages = await queue.ReceiveAsync(Math.Max(1, concurrency), visibility, ct).ConfigureAwait(false);
        await Task.WhenAll(messages.Select(m => process(m, ct))).ConfigureAwait(false);
        return messages.Count;
    }

    /// <summary>Pumps until a receive finds nothing (tests and tools).</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        for (int n; (n = await PumpOnceAsync(ct).ConfigureAwait(false)) > 0;)
        {
            total += n;
        }
        return total;
    }
}
