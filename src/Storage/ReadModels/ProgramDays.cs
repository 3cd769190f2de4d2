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
    public async Task<bool> TryReplaceAsync(string requestId, StoredFacts stored, RequestFacts next, long version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(next);
        // A request's first figures are written without a read before them (ProgramFactsWriter): the tables may not be there yet.
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var request = new TableEntity(Partition, RequestKey(requestId)) { [Version] = version, ["RequestId"] = requestId };
        var json = codec.Serialize(next);
        ChunkedJson.Write(request, Json, json, $"Program facts of {requestId}");
        var actions = new List<TableTransactionAction>
        {
            stored.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, request, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, request),
        };
        // Most decisions (a reminder, a timer) change no figure: then only the version moves on.
        if (json != codec.Serialize(stored.Facts)) actions.AddRange(await DaysMovedAsync(stored.Facts, next, ct).ConfigureAwait(false));

        // A transaction holds at most 100 entities; one request touches a handful of days.
        if (actions.Count > 100) throw new InvalidOperationException($"Request {requestId} touches {actions.Count - 1} days of program figures; at most 99 fit one write.");
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

    /// <summary>The day rows with <paramref name="before"/>'s contributions taken out and <paramref name="after"/>'s put in.</summary>
    private async Task<IEnumerable<TableTransactionAction>> DaysMovedAsync(RequestFacts before, RequestFacts after, CancellationToken ct)
    {
        var touched = new HashSet<DateOnly>();
        before.AddTo(d => { touched.Add(d); return new ProgramTally(); }, -1);
        after.AddTo(d => { touched.Add(d); return new ProgramTally(); }, 1);
        var days = await ReadDaysAsync(touched, ct).ConfigureAwait(false);
        before.AddTo(d => days[d].Tally, -1);
        after.AddTo(d => days[d].Tally, 1);
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
