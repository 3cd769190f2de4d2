using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// The program's figures per UTC day, and what each request contributed to them, all in one partition: a row per day
/// (<see cref="DayKey"/>, its <see cref="ProgramTally"/>) and a row per request (<see cref="RequestKey"/>, its
/// <see cref="RequestFacts"/> and the history version they were folded to). A request's new facts replace its old ones
/// and move the days they touch in one entity-group transaction guarded by ETags, so a replay (the version is not newer)
/// changes nothing and two writers never lose each other's counts. A date range is one range read of day rows.
/// </summary>
public sealed class ProgramDays(StorageLayout layout, JsonCodec codec)
{
    public const string Partition = "program";
    private const string Json = "Json";
    private const string Version = "Version";

    // Day rows sort by date and before every request row ("d|" < "r|").
    public static string DayKey(DateOnly day) => "d|" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string RequestKey(string requestId) => "r|" + KeyEncoding.Encode(requestId);

    private TableClient Table => layout.Table(layout.Names.ProgramDays);

    /// <summary>The facts last folded for <paramref name="requestId"/> (none, version 0, for a request never seen).</summary>
    public async Task<StoredFacts> ReadAsync(string requestId, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RequestKey(requestId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is { } found
            ? new StoredFacts(codec.Deserialize<RequestFacts>(ChunkedJson.Read(found, Json)), found.GetInt64(Version) ?? 0, found.ETag)
            : new StoredFacts(RequestFacts.None, 0, null);
    }

    /// <summary>
    /// Replaces <paramref name="stored"/> with <paramref name="next"/> at <paramref name="version"/>, moving the days both
    /// touch; false when another writer changed the request or one of those days meanwhile (read again and retry).
    /// </summary>
    public Task<bool> TryReplaceAsync(string requestId, StoredFacts stored, RequestFacts next, long version, CancellationToken ct) =>
        TryReplaceAsync([new FactsChange(requestId, stored, next, version)], ct);

    /// <summary>
    /// Replaces each request's facts as <see cref="TryReplaceAsync(string, StoredFacts, RequestFacts, long, CancellationToken)"/>
    /// does, moving the days they touch together, in one transaction while they fit one (at most 100 rows): requests that
    /// move today's row at the same time write it once instead of taking turns. False when another writer changed one of
    /// the requests or days meanwhile; the changes of an earlier transaction may then be written already, which a caller
    /// that reads again sees by their version.
    /// </summary>
    public async Task<bool> TryReplaceAsync(IReadOnlyList<FactsChange> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return true;
        if (changes.DistinctBy(c => c.RequestId).Count() < changes.Count) throw new ArgumentException("A request's facts are replaced once per write.", nameof(changes));
        // A request's first figures are written without a read before them (ProgramFactsWriter): the tables may not be there yet.
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var actions = changes.Select(RequestRow).ToList();
        // Most decisions (a reminder, a timer) change no figure: then only the version moves on.
        var moved = changes.Where(c => codec.Serialize(c.Next) != codec.Serialize(c.Stored.Facts)).ToList();
        if (moved.Count > 0) actions.AddRange(await DaysMovedAsync(moved, ct).ConfigureAwait(false));
        if (actions.Count > MostRowsPerWrite)
        {
            if (changes.Count == 1) throw new InvalidOperationException($"Request {changes[0].RequestId} touches {actions.Count - 1} days of program figures; at most {MostRowsPerWrite - 1} fit one write.");
            var half = changes.Count / 2;
            return await TryReplaceAsync([.. changes.Take(half)], ct).ConfigureAwait(false)
                && await TryReplaceAsync([.. changes.Skip(half)], ct).ConfigureAwait(false);
        }
        try
        {
            await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>An entity-group transaction holds at most this many rows.</summary>
    private const int MostRowsPerWrite = 100;

    /// <summary>The request's facts row, replaced if its ETag still holds, or added only if still absent.</summary>
    private TableTransactionAction RequestRow(FactsChange change)
    {
        var request = new TableEntity(Partition, RequestKey(change.RequestId)) { [Version] = change.Version, ["RequestId"] = change.RequestId };
        ChunkedJson.Write(request, Json, codec.Serialize(change.Next), $"Program facts of {change.RequestId}");
        return change.Stored.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, request, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, request);
    }

    /// <summary>The day rows with each change's old contributions taken out and its new ones put in.</summary>
    private async Task<IEnumerable<TableTransactionAction>> DaysMovedAsync(IReadOnlyList<FactsChange> changes, CancellationToken ct)
    {
        var touched = new HashSet<DateOnly>();
        foreach (var change in changes)
        {
            change.Stored.Facts.AddTo(d => { touched.Add(d); return new ProgramTally(); }, -1);
            change.Next.AddTo(d => { touched.Add(d); return new ProgramTally(); }, 1);
        }
        var days = await ReadDaysAsync(touched, ct).ConfigureAwait(false);
        foreach (var change in changes)
        {
            change.Stored.Facts.AddTo(d => days[d].Tally, -1);
            change.Next.AddTo(d => days[d].Tally, 1);
        }
        var actions = new List<TableTransactionAction>();
        foreach (var (day, (tally, etag)) in days)
        {
            var row = new TableEntity(Partition, DayKey(day)) { ["Day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            ChunkedJson.Write(row, Json, codec.Serialize(tally), $"Program figures of {day}");
            // Guarded by the ETag read, or added only if still absent: a concurrent writer's counts are never overwritten.
            if (etag is { } seen)
            {
                actions.Add(new TableTransactionAction(tally.IsEmpty ? TableTransactionActionType.Delete : TableTransactionActionType.UpdateReplace, row, seen));
            }
            else if (!tally.IsEmpty)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
        }
        return actions;
    }

    /// <summary>The day tallies from <paramref name="from"/> to <paramref name="to"/>, both included: one range read.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, ProgramTally Tally)>> RangeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {DayKey(from)} and RowKey le {DayKey(to)}");
        var days = new List<(DateOnly, ProgramTally)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            days.Add((DateOnly.ParseExact(row.GetString("Day")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                codec.Deserialize<ProgramTally>(ChunkedJson.Read(row, Json))));
        }
        return days;
    }

    private async Task<Dictionary<DateOnly, (ProgramTally Tally, ETag? ETag)>> ReadDaysAsync(IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var reads = days.Select(async day =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, DayKey(day), cancellationToken: ct).ConfigureAwait(false);
            return row.HasValue && row.Value is { } found
                ? (day, (codec.Deserialize<ProgramTally>(ChunkedJson.Read(found, Json)), (ETag?)found.ETag))
                : (day, (new ProgramTally(), (ETag?)null));
        });
        return (await Task.WhenAll(reads).ConfigureAwait(false)).ToDictionary(d => d.day, d => d.Item2);
    }
}

/// <summary>A request's facts as stored, with the history version they were folded to and the row's ETag (null: no row yet).</summary>
public sealed record StoredFacts(RequestFacts Facts, long Version, ETag? ETag);

/// <summary>A request's facts to replace <see cref="Stored"/> with, folded to history version <see cref="Version"/>.</summary>
public sealed record FactsChange(string RequestId, StoredFacts Stored, RequestFacts Next, long Version);
