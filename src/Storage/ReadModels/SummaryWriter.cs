using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Writes a request's summary row, only ever moving to a newer version (retries and reruns change nothing), and the
/// rows derived from it (<see cref="SummaryKeys"/>).
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
        var row = SummaryColumns.ToRow(summary, SummaryKeys.Main, KeyEncoding.Encode(summary.RequestId));
        if (likelyNew && await TryAddNewAsync(row, ct).ConfigureAwait(false)) return;
        var version = summary.Version;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(SummaryKeys.Main, row.RowKey, cancellationToken: ct)
                .ConfigureAwait(false);
            var currentVersion = current.HasValue ? current.Value!.GetInt64(SummaryColumns.Version) ?? 0 : -1;
            if (currentVersion > version)
            {
                return;
            }
            try
            {
                if (!current.HasValue)
                {
                    await WriteOpportunityAsync(Table, row, ct).ConfigureAwait(false);
                    await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
                }
                else if (currentVersion < version)
                {
                    await Table.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
                else
                {
                    // At the same version: a write that stopped half-way (a crash, an outage) is finished by its retry,
                    // from the row as stored.
                    row = Stored(current.Value!);
                    await WriteOpportunityAsync(Table, row, ct).ConfigureAwait(false);
                }
                await WriteListRowAsync(Table, row, ct).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer got there first; look again at what it wrote.
            }
        }
    }

    private async Task<bool> TryAddNewAsync(TableEntity row, CancellationToken ct)
    {
        await WriteOpportunityAsync(Table, row, ct).ConfigureAwait(false);
        try
        {
            await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await WriteListRowAsync(Table, row, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Brings the derived rows in line with <paramref name="main"/>: its list row and its opportunity row.</summary>
    internal static async Task WriteDerivedAsync(TableClient table, TableEntity main, CancellationToken ct)
    {
        await WriteOpportunityAsync(table, main, ct).ConfigureAwait(false);
        await WriteListRowAsync(table, main, ct).ConfigureAwait(false);
    }

    /// <summary>The list row: a copy of the main row, keyed newest first.</summary>
    private static Task WriteListRowAsync(TableClient table, TableEntity main, CancellationToken ct)
    {
        var requestId = main.GetString(SummaryColumns.RequestId) ?? main.RowKey;
        var submittedAt = main.GetDateTimeOffset(SummaryColumns.SubmittedAt) ?? DateTimeOffset.MinValue;
        var copy = new TableEntity(main) { PartitionKey = SummaryKeys.Newest, RowKey = SummaryKeys.NewestKey(submittedAt, requestId) };
        return table.UpsertEntityAsync(copy, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// The opportunity's row names the request and never changes, so it is written before the main row is added (a main
    /// row always has it) and not again when the request moves on: one write per request, not one per decision.
    /// </summary>
    private static Task WriteOpportunityAsync(TableClient table, TableEntity main, CancellationToken ct)
    {
        var requestId = main.GetString(SummaryColumns.RequestId) ?? main.RowKey;
        return main.GetString(SummaryColumns.CrmId) is { Length: > 0 } crmId
            ? table.UpsertEntityAsync(new TableEntity(SummaryKeys.Opportunity, SummaryKeys.OpportunityKey(crmId, requestId))
            {
                [SummaryColumns.RequestId] = requestId,
            }, TableUpdateMode.Replace, ct)
            : Task.CompletedTask;
    }

    internal static TableEntity Stored(TableEntity read)
    {
        var row = new TableEntity(read);
        row.Remove("Timestamp");
        row.Remove("odata.etag");
        return row;
    }
}
