namespace ReferenceFlow.Storage.Configuration;

/// <summary>
/// Work done once per process on first use (creating tables, a one-time backfill): callers at the same moment wait for
/// the one run, and a run that failed (an outage) is tried again by the next caller.
/// </summary>
public sealed class AsyncOnce(Func<CancellationToken, Task> work)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await work(ct).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
