using Azure.Data.Tables;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>The tables of one app, created on first use.</summary>
public sealed class StorageLayout(TableServiceClient tables, StorageNames names)
{
    private readonly AsyncOnce _created = new(async ct =>
    {
        foreach (var table in names.All)
        {
            await tables.GetTableClient(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }
    });

    public StorageNames Names { get; } = names;

    public TableClient Table(string name) => tables.GetTableClient(name);

    /// <summary>Creates every table once; a failure (outage) is retried on the next call.</summary>
    public Task EnsureCreatedAsync(CancellationToken ct) => _created.EnsureAsync(ct);
}
