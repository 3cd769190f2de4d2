namespace ReferenceFlow.Storage.Queues;

/// <summary>
/// The queue operations the runtime needs: at-least-once delivery with visibility timeouts.
/// Azure Storage Queues in production; tests may supply an in-memory queue on a fake clock.
/// </summary>
public interface IMessageQueue
{
    /// <summary>The queue name; its poison queue is "&lt;name&gt;-poison".</summary>
    string Name { get; }

    /// <summary>Adds a message that never expires and becomes visible after <paramref name="delay"/>.</summary>
    Task SendAsync(string body, TimeSpan delay, CancellationToken ct);

    /// <summary>Takes up to <paramref name="max"/> visible messages and hides them for <paramref name="visibility"/>.</summary>
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct);

    /// <summary>Removes a received message; a message already gone is not an error.</summary>
    Task DeleteAsync(QueuedMessage message, CancellationToken ct);

    /// <summary>Hides a received message again for <paramref name="visibility"/>; returns it with its new receipt.</summary>
    Task<QueuedMessage> HideAsync(QueuedMessage message, TimeSpan visibility, CancellationToken ct);
}
