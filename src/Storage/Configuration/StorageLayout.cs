using Azure.Data.Tables;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>The tables of one app, created on first use.</summary>
public sealed class StorageLayout(TableServiceClient tables, StorageNames names)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public StorageNames Names { get; } = names;

    public TableClient Table(string name) => tables.GetTableClient(name);

    /// <summary>Creates every table once; a failure (outage) is retried on the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created)
        {
            return;
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }
            foreach (var table in Names.All)
            {
                await tables.GetTableClient(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            }
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
