using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Writes a stream's summary row from its head, only ever moving to a newer version.</summary>
public sealed class SummaryWriter<TState, TCommand, TEvent>(
    StreamReader<TState, TCommand, TEvent> reader, ISummaryProjector<TState> projector, StorageLayout layout) : ISummaryRefresher
{
    internal const string Partition = "summary";

    private TableClient Table => layout.Table(layout.Names.Summaries);

    public async Task RefreshAsync(string streamId, CancellationToken ct)
    {
        var snapshot = await reader.LoadAsync(streamId, ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return;
        }
        var row = new TableEntity(Partition, KeyEncoding.Encode(streamId));
        foreach (var (name, value) in projector.Project(streamId, snapshot.Version, snapshot.State))
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }
        row[SummaryColumns.StreamId] = streamId;
        row[SummaryColumns.Version] = snapshot.Version;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, row.RowKey, [SummaryColumns.Version], ct)
                .ConfigureAwait(false);
            try
            {
                if (!current.HasValue)
                {
                    await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
                }
                else if ((current.Value!.GetInt64(SummaryColumns.Version) ?? 0) < snapshot.Version)
                {
                    await Table.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer got there first; look again at what it wrote.
            }
        }
    }
}
