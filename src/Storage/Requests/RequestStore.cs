using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Requests;

/// <summary>
/// The request history users see, one partition per request: a head row (version and state) and
/// one row per event, written together in one entity-group transaction, plus once-only marks.
/// The workflow engine keeps its own history; this one is the product's record.
/// </summary>
public sealed class RequestStore(StorageLayout layout, JsonCodec codec)
{
    private TableClient Table => layout.Table(layout.Names.Requests);

    public async Task<RequestSnapshot?> LoadAsync(string requestId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var head = await Table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(requestId), RequestRows.Head, cancellationToken: ct)
            .ConfigureAwait(false);
        return head.HasValue && head.Value is { } row ? Snapshot(requestId, row) : null;
    }

    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string requestId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var pk = KeyEncoding.Encode(requestId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {RequestRows.EventsFrom} and RowKey lt {RequestRows.EventsTo}");
        var history = new List<HistoryEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            history.Add(new HistoryEntry(
                row.GetInt64("Version") ?? 0,
                row.GetString("Type") ?? "",
                row.GetDateTimeOffset("At") ?? default,
                codec.Deserialize<RequestEvent>(ChunkedJson.Read(row, "Json"))));
        }
        return history;
    }

    /// <summary>
    /// The requests whose history holds an event of type <paramref name="eventType"/>: one query over the event rows'
    /// Type column, answered by the table service (for one-time backfills of a new read model, not for pages).
    /// </summary>
    public async IAsyncEnumerable<string> WithEventAsync(string eventType, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"Type eq {eventType}");
        string? last = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.PartitionKey == last) continue;
            last = row.PartitionKey;
            yield return KeyEncoding.Decode(row.PartitionKey);
        }
    }

    /// <summary>
    /// Appends <paramref name="events"/> as versions <paramref name="fromVersion"/>+1.. with the state they
    /// led to. Idempotent: a retry of an append that already landed changes nothing and returns false. Versions that
    /// hold other events, or would leave a gap, throw <see cref="HistoryMovedOnException"/>: the decision was made
    /// against a state the history does not hold.
    /// </summary>
    public async Task<bool> AppendAsync(
        string requestId, long fromVersion, IReadOnlyList<RequestEvent> events, RequestState after, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(after);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var pk = KeyEncoding.Encode(requestId);
        var toVersion = fromVersion + events.Count;
        for (var attempt = 1; ; attempt++)
        {
            // A request's first append nearly always finds no history: it is tried without a read, and a conflict reads.
            TableEntity? head = null;
            if (fromVersion > 0 || attempt > 1)
            {
                var read = await Table.GetEntityIfExistsAsync<TableEntity>(pk, RequestRows.Head, ["Version"], ct).ConfigureAwait(false);
                head = read.HasValue ? read.Value : null;
                var stored = head?.GetInt64("Version") ?? 0;
                if (stored >= toVersion && await HoldsAsync(pk, fromVersion, events, ct).ConfigureAwait(false))
                {
                    return false;
                }
                if (stored != fromVersion)
                {
                    throw new HistoryMovedOnException(requestId, stored, fromVersion, toVersion);
                }
            }
            var actions = new List<TableTransactionAction> { HeadAction(pk, requestId, toVersion, after, head) };
            var version = fromVersion;
            foreach (var e in events)
            {
                version++;
                var row = new TableEntity(pk, RequestRows.Event(version)) { ["Version"] = version, ["Type"] = e.GetType().Name, ["At"] = e.At };
                ChunkedJson.Write(row, "Json", codec.Serialize(e), $"Event {e.GetType().Name} of {requestId}");
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
            try
            {
                await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 3)
            {
                // A concurrent run of the same append got there first: look again at what it wrote.
            }
        }
    }

    /// <summary>
    /// Whether the history holds <paramref name="events"/> from version <paramref name="fromVersion"/>+1: the same kinds of
    /// event, in order. A retry of one decision writes exactly what the first run wrote; another decision made at the
    /// same versions writes other events (the kinds tell them apart: each decides on what the state was waiting for).
    /// </summary>
    private async Task<bool> HoldsAsync(string pk, long fromVersion, IReadOnlyList<RequestEvent> events, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {RequestRows.Event(fromVersion + 1)} and RowKey le {RequestRows.Event(fromVersion + events.Count)}");
        var stored = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Type"], cancellationToken: ct).ConfigureAwait(false))
        {
            stored.Add(row.GetString("Type") ?? "");
        }
        return stored.SequenceEqual(events.Select(e => e.GetType().Name));
    }

    /// <summary>Sets a once-only mark, holding <paramref name="value"/> when given; false when it was set already.</summary>
    public async Task<bool> TryMarkAsync(string requestId, string key, CancellationToken ct, string? value = null)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        try
        {
            await Table.AddEntityAsync(new TableEntity(KeyEncoding.Encode(requestId), RequestRows.Mark(key)) { ["Key"] = key, ["Value"] = value }, ct)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> IsMarkedAsync(string requestId, string key, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(requestId), RequestRows.Mark(key), ["Key"], ct)
            .ConfigureAwait(false);
        return row.HasValue;
    }

    /// <summary>The value a mark holds; null when the mark is not set or holds none.</summary>
    public async Task<string?> ReadMarkAsync(string requestId, string key, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(requestId), RequestRows.Mark(key), ["Value"], ct)
            .ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("Value") : null;
    }

    /// <summary>Takes a mark back (the act it stood for did not happen after all).</summary>
    public async Task UnmarkAsync(string requestId, string key, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(KeyEncoding.Encode(requestId), RequestRows.Mark(key), ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing to take back.
        }
    }

    private TableTransactionAction HeadAction(string pk, string requestId, long version, RequestState state, TableEntity? head)
    {
        var row = new TableEntity(pk, RequestRows.Head) { ["RequestId"] = requestId, ["Version"] = version };
        ChunkedJson.Write(row, "State", codec.Serialize(state), $"State of {requestId}");
        return head is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, head.ETag);
    }

    private RequestSnapshot Snapshot(string requestId, TableEntity row) =>
        new(requestId, row.GetInt64("Version") ?? 0, codec.Deserialize<RequestState>(ChunkedJson.Read(row, "State")));
}
