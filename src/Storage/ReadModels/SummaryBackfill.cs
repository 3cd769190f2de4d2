using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Lays out the summaries written before the current layout, once per table: the first read of a process checks a marker
/// row and, when it is missing, derives the rows of every main row that has no list row yet, then deletes the rows the
/// earlier layout kept in partitions of their own. Rows a writer wrote meanwhile are left alone, so the backfill never
/// takes a newer summary back.
/// </summary>
public sealed class SummaryBackfill(StorageLayout layout)
{
    private readonly AsyncOnce _once = new(ct => RunAsync(layout, ct));

    public Task EnsureAsync(CancellationToken ct) => _once.EnsureAsync(ct);

    private static async Task RunAsync(StorageLayout layout, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var table = layout.Table(layout.Names.Summaries);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(SummaryKeys.Layout, SummaryKeys.LayoutVersion, cancellationToken: ct)
            .ConfigureAwait(false);
        if (marker.HasValue) return;
        await foreach (var read in table.QueryAsync<TableEntity>(SummaryFilter.MainRows(), cancellationToken: ct).ConfigureAwait(false))
        {
            await SummaryWriter.TryDeriveAsync(table, SummaryWriter.Stored(read), ct).ConfigureAwait(false);
        }
        // A partition's rows go a hundred at a time (a transaction's most): this runs on a process's first list read.
        foreach (var former in SummaryKeys.FormerPartitions)
        {
            var rows = table.QueryAsync<TableEntity>(SummaryFilter.Partition(former), select: ["PartitionKey", "RowKey"], maxPerPage: 100, cancellationToken: ct);
            await foreach (var page in rows.AsPages().ConfigureAwait(false))
            {
                if (page.Values.Count == 0) continue;
                await table.SubmitTransactionAsync(
                    page.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), ct).ConfigureAwait(false);
            }
        }
        await table.UpsertEntityAsync(new TableEntity(SummaryKeys.Layout, SummaryKeys.LayoutVersion), cancellationToken: ct).ConfigureAwait(false);
    }
}
