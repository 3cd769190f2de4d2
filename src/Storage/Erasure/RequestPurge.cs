using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// Retention's storage side: which finished requests are old enough, and deleting everything kept per request (its
/// history with its marks and email sends, its summary rows, the uses, touches, thanks and holds it wrote). The program's
/// figures (program days, insights) are kept: they are counts, and the program page must still add up.
/// </summary>
public sealed class RequestPurge(StorageLayout layout)
{
    /// <summary>The requests that are not open and whose last event is older than <paramref name="cutoff"/>.</summary>
    public async Task<IReadOnlyList<string>> FinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var summaries = layout.Table(layout.Names.Summaries);
        // Submitted before the cutoff is necessary (a request ends after it starts); the last event decides.
        var filter = SummaryFilter.MainRows() + TableClient.CreateQueryFilter(
            $" and Open eq {false} and SubmittedAt lt {cutoff}"); // column names: SummaryColumns.Open, .SubmittedAt
        var found = new List<string>();
        await foreach (var row in summaries.QueryAsync<TableEntity>(filter, select: [SummaryColumns.RequestId], cancellationToken: ct).ConfigureAwait(false))
        {
            var requestId = row.GetString(SummaryColumns.RequestId) ?? KeyEncoding.Decode(row.RowKey);
            if (await LastEventAtAsync(requestId, ct).ConfigureAwait(false) is { } last && last < cutoff) found.Add(requestId);
        }
        return found;
    }

    private async Task<DateTimeOffset?> LastEventAtAsync(string requestId, CancellationToken ct)
    {
        var pk = KeyEncoding.Encode(requestId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {RequestRows.EventsFrom} and RowKey lt {RequestRows.EventsTo}");
        DateTimeOffset? last = null;
        await foreach (var row in layout.Table(layout.Names.Requests).QueryAsync<TableEntity>(filter, select: ["At"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("At") is { } at && (last is null || at > last)) last = at;
        }
        return last;
    }

    /// <summary>Deletes every row kept for <paramref name="requestIds"/>; answers the rows deleted per table.</summary>
    public async Task<IReadOnlyList<StoreCleared>> DeleteAsync(IReadOnlyCollection<string> requestIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        if (requestIds.Count == 0) return [];
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var names = layout.Names;
        var cleared = new List<StoreCleared>();
        var history = 0;
        foreach (var requestId in requestIds)
        {
            var pk = KeyEncoding.Encode(requestId);
            history += await DeleteWhereAsync(layout.Table(names.Requests), TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), _ => true, ct).ConfigureAwait(false);
        }
        cleared.Add(new StoreCleared(names.Requests, history));
        var encoded = requestIds.Select(KeyEncoding.Encode).ToList();
        var ids = requestIds.ToHashSet(StringComparer.Ordinal);
        // Rows of these tables name their request in a key (its encoded id) or a column; a scan finds both.
        foreach (var table in new[] { names.Summaries, names.Usage, names.Touches, names.Thanks, names.Holds })
        {
            var rows = await DeleteWhereAsync(layout.Table(table), null, row => Names(row, encoded, ids), ct).ConfigureAwait(false);
            cleared.Add(new StoreCleared(table, rows));
        }
        return cleared;
    }

    private static bool Names(TableEntity row, List<string> encoded, HashSet<string> ids) =>
        encoded.Any(id => row.PartitionKey.Contains(id, StringComparison.Ordinal) || row.RowKey.Contains(id, StringComparison.Ordinal)) ||
        (row.GetString("RequestId") ?? row.GetString(SummaryColumns.RequestId)) is { } named && ids.Contains(named);

    private static async Task<int> DeleteWhereAsync(TableClient table, string? filter, Func<TableEntity, bool> matches, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (!matches(row)) continue;
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
        return deleted;
    }
}
