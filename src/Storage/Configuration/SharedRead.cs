namespace ReferenceFlow.Storage.Configuration;

/// <summary>
/// A read that callers at the same moment share: while one is in flight, a new caller waits for it rather than starting
/// its own, so a burst of submissions costs one query, not one each. What a caller gets may be as old as the moment the
/// shared read began, a few milliseconds before it asked: use it only where that is as good as a read of its own.
/// </summary>
public sealed class SharedRead<T>(Func<Task<T>> read)
{
    private readonly Lock _lock = new();
    private Task<T>? _inFlight;

    public Task<T> ReadAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            if (_inFlight is null || _inFlight.IsCompleted)
            {
                _inFlight = read();
            }
            return _inFlight.WaitAsync(ct);
        }
    }

    /// <summary>After a write of what this reads: the next caller starts a read of its own rather than join one begun before.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _inFlight = null;
        }
    }
}
