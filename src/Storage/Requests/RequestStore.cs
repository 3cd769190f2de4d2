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

    /// <summary>
    /// The head, the history and the commands that made it, in one range read of the request's partition (command rows,
    /// event rows and the head sort together, before the marks): for a handler that may be handed a command the history
    /// holds already, this is one call where the head, the command row and the history would be three.
    /// </summary>
    public async Task<StoredRequest> ReadAsync(string requestId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {KeyEncoding.Encode(requestId)} and RowKey ge {RequestRows.CommandsFrom} and RowKey le {RequestRows.Head}");
        RequestSnapshot? head = null;
        var history = new List<HistoryEntry>();
        var commands = new Dictionary<string, AppliedCommand>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.RowKey == RequestRows.Head) head = Snapshot(requestId, row);
            else if (row.RowKey.StartsWith(RequestRows.EventsFrom, StringComparison.Ordinal)) history.Add(Entry(row));
            else if (row.GetString("CommandId") is { } commandId) commands[commandId] = new AppliedCommand(commandId, row.GetInt64("FromVersion") ?? 0, row.GetInt64("ToVersion") ?? 0);
        }
        return new StoredRequest(head, history, commands);
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
            history.Add(Entry(row));
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
    /// Appends <paramref name="events"/>, decided for the command <paramref name="commandId"/> against the history at
    /// <paramref name="expectedVersion"/>, as versions <paramref name="expectedVersion"/>+1.. with the state they led to, in
    /// one transaction with the command's id. The event rows are the guard: another decision at those versions makes the
    /// whole transaction fail, and so does the same command's id already in the history.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        string requestId, long expectedVersion, string commandId, IReadOnlyList<RequestEvent> events, RequestState after, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(commandId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(after);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var pk = KeyEncoding.Encode(requestId);
        var toVersion = expectedVersion + events.Count;
        var head = new TableEntity(pk, RequestRows.Head) { ["RequestId"] = requestId, ["Version"] = toVersion };
        ChunkedJson.Write(head, "State", codec.Serialize(after), $"State of {requestId}");
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, head) };
        var version = expectedVersion;
        foreach (var e in events)
        {
            version++;
            var row = new TableEntity(pk, RequestRows.Event(version)) { ["Version"] = version, ["Type"] = e.GetType().Name, ["At"] = e.At, ["CommandId"] = commandId };
            ChunkedJson.Write(row, "Json", codec.Serialize(e), $"Event {e.GetType().Name} of {requestId}");
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity(pk, RequestRows.Command(commandId)) { ["CommandId"] = commandId, ["FromVersion"] = expectedVersion, ["ToVersion"] = toVersion }));
        try
        {
            await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            return AppendResult.Appended;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return await AppliedAsync(requestId, commandId, ct).ConfigureAwait(false) is null ? AppendResult.Conflict : AppendResult.AlreadyApplied;
        }
    }

    /// <summary>The versions the command <paramref name="commandId"/> appended; null when the history does not hold it.</summary>
    public async Task<AppliedCommand?> AppliedAsync(string requestId, string commandId, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(requestId), RequestRows.Command(commandId), ["FromVersion", "ToVersion"], ct)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } found
            ? new AppliedCommand(commandId, found.GetInt64("FromVersion") ?? 0, found.GetInt64("ToVersion") ?? 0)
            : null;
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

    private HistoryEntry Entry(TableEntity row) => new(
        row.GetInt64("Version") ?? 0,
        row.GetString("Type") ?? "",
        row.GetDateTimeOffset("At") ?? default,
        codec.Deserialize<RequestEvent>(ChunkedJson.Read(row, "Json")),
        row.GetString("CommandId"));

    private RequestSnapshot Snapshot(string requestId, TableEntity row) =>
        new(requestId, row.GetInt64("Version") ?? 0, codec.Deserialize<RequestState>(ChunkedJson.Read(row, "State")));
}
