using System.Collections.Concurrent;

namespace ReferenceFlow.Bench.Faults;

/// <summary>One fault as injected: when it began and ended, and how long the product took to answer normally again.</summary>
internal sealed record Fault(string Kind, DateTimeOffset Began, DateTimeOffset Ended, TimeSpan? Recovery);

/// <summary>The faults injected so far and whether one is under way (commands are timed "during" or "outside" faults).</summary>
internal sealed class FaultLog
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private int _active;

    public IReadOnlyList<Fault> All => _faults.ToList();

    public bool Active => Volatile.Read(ref _active) > 0;

    /// <summary>Runs <paramref name="fault"/> (which breaks something and mends it) and then waits for the product to answer again.</summary>
    public async Task InjectAsync(string kind, Func<Task> fault, Func<Task<bool>> healthy)
    {
        Interlocked.Increment(ref _active);
        var began = DateTimeOffset.UtcNow;
        try
        {
            await fault();
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
        var ended = DateTimeOffset.UtcNow;
        var deadline = ended.AddMinutes(3);
        TimeSpan? recovery = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await healthy())
            {
                recovery = DateTimeOffset.UtcNow - ended;
                break;
            }
            await Task.Delay(100);
        }
        _faults.Enqueue(new Fault(kind, began, ended, recovery));
    }

    /// <summary>A fault with no outage to recover from (a click storm, a flood): counted, not timed.</summary>
    public void Record(string kind) => _faults.Enqueue(new Fault(kind, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null));
}
