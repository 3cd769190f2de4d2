using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// Rewrites, in place, every row of a table that holds a person's data: string columns (a JSON value split over numbered
/// columns is joined first, so a match across the split is found) and keys. A row whose key changes is written under the
/// new key and the old one deleted. A full scan: erasure is rare, and only a scan can promise nothing was missed.
/// </summary>
public static class TableScrubber
{
    /// <summary>The rows rewritten, and the partition keys (as stored before) they were in.</summary>
    public sealed record Result(int Rows, IReadOnlySet<string> Partitions);

    public static async Task<Result> ScrubAsync(TableClient table, PersonalData person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(person);
        var rows = 0;
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct).ConfigureAwait(false))
            {
                if (Rewrite(row, person) is not { } rewritten) continue;
                await SaveAsync(table, row, rewritten, person, ct).ConfigureAwait(false);
                rows++;
                partitions.Add(row.PartitionKey);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The table was never created: nothing to clear.
        }
        return new Result(rows, partitions);
    }

    private static async Task SaveAsync(TableClient table, TableEntity row, TableEntity rewritten, PersonalData person, CancellationToken ct)
    {
        if (rewritten.PartitionKey != row.PartitionKey || rewritten.RowKey != row.RowKey)
        {
            await table.UpsertEntityAsync(rewritten, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            await DeleteAsync(table, row, ct).ConfigureAwait(false);
            return;
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await table.UpdateEntityAsync(rewritten, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Written meanwhile (a request moving on): rewrite what is there now.
                var fresh = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct).ConfigureAwait(false);
                if (!fresh.HasValue || Rewrite(fresh.Value!, person) is not { } again) return;
                row = fresh.Value!;
                rewritten = again;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return;
            }
        }
    }

    private static async Task DeleteAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>The row with the person's data replaced; null when it holds none.</summary>
    public static TableEntity? Rewrite(TableEntity row, PersonalData person)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        var copy = new TableEntity(person.Replace(row.PartitionKey), person.Replace(row.RowKey)) { ETag = row.ETag };
        var changed = copy.PartitionKey != row.PartitionKey || copy.RowKey != row.RowKey;
        foreach (var (name, value) in row)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            if (value is string && IsChunk(row, name)) continue;
            if (value is string text && row.ContainsKey(name + "1") && row[name + "1"] is string)
            {
                var whole = ChunkedJson.Read(row, name);
                var replaced = person.Replace(whole);
                if (!ReferenceEquals(replaced, whole))
                {
                    changed = true;
                    ChunkedJson.Write(copy, name, replaced, $"Column {name} of {row.RowKey}");
                    continue;
                }
                foreach (var (chunkName, chunk) in row.Where(p => IsChunkOf(p.Key, name))) copy[chunkName] = chunk;
                copy[name] = text;
                continue;
            }
            if (value is string single)
            {
                var replaced = person.Replace(single);
                changed |= !ReferenceEquals(replaced, single);
                copy[name] = replaced;
            }
            else
            {
                copy[name] = value;
            }
        }
        return changed ? copy : null;
    }

    // "Json1", "Json2"… continue "Json" (ChunkedJson); they are read and written with it.
    private static bool IsChunk(TableEntity row, string name)
    {
        var i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1])) i--;
        return i > 0 && i < name.Length && row.ContainsKey(name[..i]) && row[name[..i]] is string && row.ContainsKey(name[..i] + "1");
    }

    private static bool IsChunkOf(string candidate, string name) =>
        candidate.Length > name.Length && candidate.StartsWith(name, StringComparison.Ordinal) && candidate[name.Length..].All(char.IsAsciiDigit);
}
