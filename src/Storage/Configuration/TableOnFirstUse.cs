using Azure.Data.Tables;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>A table created on first use, once per process; a failure (an outage) is tried again on the next call.</summary>
internal sealed class TableOnFirstUse(TableClient table)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _exists;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_exists) return;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_exists)
            {
                await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                _exists = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
