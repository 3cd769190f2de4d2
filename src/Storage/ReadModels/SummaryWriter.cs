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
                    await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
                }
                else if (currentVersion < version)
                {
                    await Table.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
                // At the same version too: a write that stopped half-way (a crash, an outage) is finished by its retry,
                // from the row as stored.
                await WriteDerivedAsync(Table, currentVersion == version ? Stored(current.Value!) : row, ct).ConfigureAwait(false);
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
        try
        {
            await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await WriteDerivedAsync(Table, row, ct, noneYet: true).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Brings the derived rows in line with <paramref name="main"/>: replaces its list and opportunity rows and the
    /// contacts it holds, and deletes rows for contacts it holds no longer (found by request id in the small held partition).
    /// </summary>
    internal static async Task WriteDerivedAsync(TableClient table, TableEntity main, CancellationToken ct, bool noneYet = false)
    {
        var requestId = main.GetString(SummaryColumns.RequestId) ?? main.RowKey;
        var submittedAt = main.GetDateTimeOffset(SummaryColumns.SubmittedAt) ?? DateTimeOffset.MinValue;
        var copy = new TableEntity(main) { PartitionKey = SummaryKeys.Newest, RowKey = SummaryKeys.NewestKey(submittedAt, requestId) };
        var writes = new List<Task> { table.UpsertEntityAsync(copy, TableUpdateMode.Replace, ct) };
        if (main.GetString(SummaryColumns.CrmId) is { Length: > 0 } crmId)
        {
            writes.Add(table.UpsertEntityAsync(new TableEntity(SummaryKeys.Opportunity, SummaryKeys.OpportunityKey(crmId, requestId))
            {
                [SummaryColumns.RequestId] = requestId,
            }, TableUpdateMode.Replace, ct));
        }
        var held = Held(main, requestId);
        // Derived rows are written after the main row, so a main row just inserted has none to tidy away.
        if (!noneYet)
        {
            var stale = table.QueryAsync<TableEntity>(
                SummaryFilter.Partition(SummaryKeys.Held) + SummaryFilter.And(SummaryColumns.RequestId, requestId), select: ["RowKey"], cancellationToken: ct);
            await foreach (var old in stale.ConfigureAwait(false))
            {
                if (held?.RowKey != old.RowKey)
                {
                    writes.Add(DeleteAsync(table, old.RowKey, ct));
                }
            }
        }
        if (held is not null)
        {
            writes.Add(table.UpsertEntityAsync(held, TableUpdateMode.Replace, ct));
        }
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    internal static TableEntity Stored(TableEntity read)
    {
        var row = new TableEntity(read);
        row.Remove("Timestamp");
        row.Remove("odata.etag");
        return row;
    }

    private static TableEntity? Held(TableEntity main, string requestId)
    {
        if (main.GetBoolean(SummaryColumns.Open) != true ||
            main.GetString(SummaryColumns.Reserved) is not { Length: > 0 } reserved ||
            main.GetString(SummaryColumns.ContactEmail) is not { Length: > 0 } email)
        {
            return null;
        }
        var row = new TableEntity(SummaryKeys.Held, SummaryKeys.HeldKey(email, requestId))
        {
            [SummaryColumns.RequestId] = requestId,
            [SummaryColumns.ContactEmail] = email,
            [SummaryColumns.Reserved] = reserved,
        };
        if (main.GetDateTimeOffset(SummaryColumns.SlotStart) is { } start) row[SummaryColumns.SlotStart] = start;
        if (main.GetDateTimeOffset(SummaryColumns.SlotEnd) is { } end) row[SummaryColumns.SlotEnd] = end;
        return row;
    }

    private static async Task DeleteAsync(TableClient table, string rowKey, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(SummaryKeys.Held, rowKey, ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: another attempt of the same write deleted it.
        }
    }
}
