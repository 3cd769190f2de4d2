using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Writes a request's summary row, only ever moving to a newer version (retries and reruns change nothing).</summary>
public sealed class SummaryWriter(StorageLayout layout)
{
    internal const string Partition = "summary";

    private TableClient Table => layout.Table(layout.Names.Summaries);

    public async Task WriteAsync(string requestId, long version, IReadOnlyDictionary<string, object?> columns, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(columns);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = new TableEntity(Partition, KeyEncoding.Encode(requestId));
        foreach (var (name, value) in columns)
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }
        row[SummaryColumns.RequestId] = requestId;
        row[SummaryColumns.Version] = version;
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
                else if ((current.Value!.GetInt64(SummaryColumns.Version) ?? 0) < version)
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
