using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>The tables and queues of one app, created on first use.</summary>
public sealed class StorageLayout(TableServiceClient tables, QueueServiceClient queues, StorageNames names)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public StorageNames Names { get; } = names;

    public TableClient Table(string name) => tables.GetTableClient(name);

    public QueueClient Queue(string name) => queues.GetQueueClient(name);

    /// <summary>Creates every table and queue once; a failure (outage) is retried on the next call.</summary>
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
            foreach (var table in new[] { Names.Streams, Names.OutboxIndex, Names.TimerIndex, Names.Summaries, Names.Usage })
            {
                await tables.GetTableClient(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            }
            foreach (var queue in new[] { Names.WorkQueue, Names.TimerQueue })
            {
                await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
                await queues.GetQueueClient(StorageNames.PoisonOf(queue)).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            }
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
