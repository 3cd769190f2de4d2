using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Writes a request's summary row, only ever moving to a newer version (retries and reruns change nothing), together
/// with the rows derived from it (<see cref="SummaryKeys"/>): they share a partition, so one transaction writes them all
/// and no crash leaves them apart.
/// </summary>
public sealed class SummaryWriter(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.Summaries);

    /// <summary>
    /// Writes <paramref name="summary"/> unless a newer version is stored. <paramref name="likelyNew"/> (a request's first
    /// decision) tries the insert before any read: nearly always nothing is there yet, and then no derived row can be either.
    /// </summary>
    public async Task WriteAsync(RequestSummary summary, CancellationToken ct, bool likelyNew = false)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrEmpty(summary.RequestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = SummaryColumns.ToRow(summary, SummaryKeys.Partition, SummaryKeys.MainKey(summary.RequestId));
        if (likelyNew && await TrySubmitAsync(Table, Rows(row, new TableTransactionAction(TableTransactionActionType.Add, row)), ct).ConfigureAwait(false)) return;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(SummaryKeys.Partition, row.RowKey, cancellationToken: ct)
                .ConfigureAwait(false);
            if (current.HasValue && (current.Value!.GetInt64(SummaryColumns.Version) ?? 0) >= summary.Version) return;
            var write = Rows(row, current.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row));
            // A conflict: another writer got there first; look again at what it wrote.
            if (await TrySubmitAsync(Table, write, ct).ConfigureAwait(false)) return;
        }
    }

    /// <summary>
    /// Derives the rows of a main row written before they joined it (<see cref="SummaryBackfill"/>), unless its list row
    /// is there: then a writer wrote the request since, and every write carries all its rows.
    /// </summary>
    internal static Task<bool> TryDeriveAsync(TableClient table, TableEntity main, CancellationToken ct) =>
        TrySubmitAsync(table, Rows(main, null, TableTransactionActionType.Add), ct);

    private static async Task<bool> TrySubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> write, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(write, ct).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// The main row's write with the rows derived from it: its list row, a copy keyed newest first, and its opportunity's
    /// row, which never changes but costs nothing more in the same transaction and so is always there.
    /// </summary>
    private static List<TableTransactionAction> Rows(
        TableEntity main, TableTransactionAction? mainWrite, TableTransactionActionType listWrite = TableTransactionActionType.UpsertReplace)
    {
        var requestId = main.GetString(SummaryColumns.RequestId) ?? KeyEncoding.Decode(main.RowKey);
        var submittedAt = main.GetDateTimeOffset(SummaryColumns.SubmittedAt) ?? DateTimeOffset.MinValue;
        List<TableTransactionAction> rows = [new(listWrite, new TableEntity(main) { RowKey = SummaryKeys.NewestKey(submittedAt, requestId) })];
        if (mainWrite is not null) rows.Insert(0, mainWrite);
        if (main.GetString(SummaryColumns.CrmId) is { Length: > 0 } crmId)
        {
            rows.Add(new(TableTransactionActionType.UpsertReplace,
                new TableEntity(SummaryKeys.Partition, SummaryKeys.OpportunityKey(crmId, requestId)) { [SummaryColumns.RequestId] = requestId }));
        }
        return rows;
    }

    internal static TableEntity Stored(TableEntity read)
    {
        var row = new TableEntity(read);
        row.Remove("Timestamp");
        row.Remove("odata.etag");
        return row;
    }
}
