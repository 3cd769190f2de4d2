using System.Collections.Concurrent;
using ReferenceFlow.Storage.Queues;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>Queues whose visibility runs on a (fake) clock, for timers of days and weeks.</summary>
public sealed class InMemoryQueues(TimeProvider time) : IMessageQueues
{
    private readonly ConcurrentDictionary<string, InMemoryQueue> _queues = new();

    public IMessageQueue Get(string name) => _queues.GetOrAdd(name, n => new InMemoryQueue(n, time));

    public InMemoryQueue Queue(string name) => (InMemoryQueue)Get(name);
}

public sealed class InMemoryQueue(string name, TimeProvider time) : IMessageQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public string Name => name;

    public int Count { get { lock (_gate) { return _entries.Count; } } }

    /// <summary>When the next message becomes visible, or null when the queue is empty.</summary>
    public DateTimeOffset? NextVisibleAt { get { lock (_gate) { return _entries.Count == 0 ? null : _entries.Min(e => e.VisibleAt); } } }

    public Task SendAsync(string body, TimeSpan delay, CancellationToken ct)
    {
        lock (_gate)
        {
            _entries.Add(new Entry(Guid.NewGuid().ToString("N"), body) { VisibleAt = time.GetUtcNow() + delay });
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var taken = _entries.Where(e => e.VisibleAt <= now).Take(max).ToList();
            foreach (var e in taken)
            {
                e.VisibleAt = now + visibility;
                e.Receipt = Guid.NewGuid().ToString("N");
                e.DequeueCount++;
            }
            return Task.FromResult<IReadOnlyList<QueuedMessage>>(taken.Select(e => new QueuedMessage(e.Id, e.Receipt, e.Body, e.DequeueCount)).ToList());
        }
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken ct)
    {
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Id == message.Id && e.Receipt == message.Receipt);
        }
        return Task.CompletedTask;
    }

    public Task<QueuedMessage> HideAsync(QueuedMessage message, TimeSpan visibility, CancellationToken ct)
    {
        lock (_gate)
        {
            var entry = _entries.Single(e => e.Id == message.Id && e.Receipt == message.Receipt);
            entry.VisibleAt = time.GetUtcNow() + visibility;
            entry.Receipt = Guid.NewGuid().ToString("N");
            return Task.FromResult(message with { Receipt = entry.Receipt });
        }
    }

    private sealed class Entry(string id, string body)
    {
        public string Id { get; } = id;
        public string Body { get; } = body;
        public string Receipt { get; set; } = "";
        public long DequeueCount { get; set; }
        public DateTimeOffset VisibleAt { get; set; }
    }
}
