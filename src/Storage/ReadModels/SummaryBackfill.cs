using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Builds the derived rows of summaries written before they existed, once per table: the first read of a process
/// checks a marker row and, when it is missing, derives the rows of every main row that has no list row yet.
/// Rows a writer derived meanwhile are left alone, so the backfill never takes a newer summary back.
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
        await foreach (var read in table.QueryAsync<TableEntity>(SummaryFilter.Partition(SummaryKeys.Main), cancellationToken: ct).ConfigureAwait(false))
        {
            var main = SummaryWriter.Stored(read);
            if (await ClaimAsync(table, main, ct).ConfigureAwait(false))
            {
                await SummaryWriter.WriteDerivedAsync(table, main, ct).ConfigureAwait(false);
            }
        }
        await table.UpsertEntityAsync(new TableEntity(SummaryKeys.Layout, SummaryKeys.LayoutVersion), cancellationToken: ct).ConfigureAwait(false);
    }

    // A list row that exists was written by a writer (or another backfill): that request is done.
    private static async Task<bool> ClaimAsync(TableClient table, TableEntity main, CancellationToken ct)
    {
        var requestId = main.GetString(SummaryColumns.RequestId) ?? main.RowKey;
        var key = SummaryKeys.NewestKey(main.GetDateTimeOffset(SummaryColumns.SubmittedAt) ?? DateTimeOffset.MinValue, requestId);
        try
        {
            await table.AddEntityAsync(new TableEntity(main) { PartitionKey = SummaryKeys.Newest, RowKey = key }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
