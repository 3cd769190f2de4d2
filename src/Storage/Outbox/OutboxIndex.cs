using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Outbox;

/// <summary>
/// Streams that may hold outbox rows, in one partition of a separate table, so the sweeper
/// reads a short list instead of every stream. Marked before the commit, cleared after dispatch.
/// </summary>
public sealed class OutboxIndex(StorageLayout layout, TimeProvider time)
{
    private const string Partition = "pending";

    private TableClient Table => layout.Table(layout.Names.OutboxIndex);

    public async Task<ETag> MarkAsync(string streamId, CancellationToken ct)
    {
        var row = new TableEntity(Partition, KeyEncoding.Encode(streamId)) { ["StreamId"] = streamId, ["MarkedAt"] = time.GetUtcNow() };
        var response = await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return response.Headers.ETag ?? ETag.All;
    }

    /// <summary>Clears the mark unless someone marked the stream again since <paramref name="etag"/>.</summary>
    public async Task ClearAsync(string streamId, ETag etag, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, KeyEncoding.Encode(streamId), etag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or a newer command marked it again: that command (or the sweeper) clears it.
        }
    }

    /// <summary>Marks older than <paramref name="grace"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(string StreamId, ETag ETag)>> StaleAsync(TimeSpan grace, int max, CancellationToken ct)
    {
        var before = time.GetUtcNow() - grace;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and MarkedAt le {before}");
        var stale = new List<(string, ETag)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            stale.Add((row.GetString("StreamId") ?? "", row.ETag));
            if (stale.Count >= max)
            {
                break;
            }
        }
        return stale;
    }
}
