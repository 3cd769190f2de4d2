using Azure;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Queues;

/// <summary>An Azure Storage queue; messages never expire (TTL −1) because timers may wait for weeks.</summary>
public sealed class AzureMessageQueue(StorageLayout layout, string name) : IMessageQueue
{
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    public string Name => name;

    public async Task SendAsync(string body, TimeSpan delay, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        await layout.Queue(name).SendMessageAsync(body, WholeSeconds(delay), NeverExpire, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var received = await layout.Queue(name).ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, ct).ConfigureAwait(false);
        return received.Value.Select(m => new QueuedMessage(m.MessageId, m.PopReceipt, m.MessageText, m.DequeueCount)).ToArray();
    }

    public async Task DeleteAsync(QueuedMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await layout.Queue(name).DeleteMessageAsync(message.Id, message.Receipt, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already deleted by an earlier attempt; deletion is idempotent for us.
        }
    }

    public async Task<QueuedMessage> HideAsync(QueuedMessage message, TimeSpan visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = await layout.Queue(name).UpdateMessageAsync(message.Id, message.Receipt, visibilityTimeout: WholeSeconds(visibility), cancellationToken: ct)
            .ConfigureAwait(false);
        return message with { Receipt = receipt.Value.PopReceipt };
    }

    // The service counts visibility in whole seconds; rounding up keeps a timer from waking early and spinning.
    private static TimeSpan WholeSeconds(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
}
