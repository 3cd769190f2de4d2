using Azure.Data.Tables;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Streams;

/// <summary>Reads heads and histories of streams; no decisions.</summary>
public sealed class StreamReader<TState, TCommand, TEvent>(
    IDecider<TState, TCommand, TEvent> decider, StorageLayout layout, JsonCodec codec)
{
    internal TableClient Table => layout.Table(layout.Names.Streams);

    public async Task<StreamSnapshot<TState>?> LoadAsync(string streamId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var head = await Table.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoding.Encode(streamId), StreamRows.Head, cancellationToken: ct).ConfigureAwait(false);
        return head.HasValue && head.Value is { } row
            ? new StreamSnapshot<TState>(streamId, Version(row), State(row))
            : null;
    }

    public async Task<IReadOnlyList<HistoryEntry<TEvent>>> ReadHistoryAsync(string streamId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var pk = KeyEncoding.Encode(streamId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {StreamRows.EventsFrom} and RowKey lt {StreamRows.EventsTo}");
        var history = new List<HistoryEntry<TEvent>>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            history.Add(new HistoryEntry<TEvent>(
                row.GetInt64("Version") ?? 0,
                row.GetString("Type") ?? "",
                row.GetDateTimeOffset("At") ?? default,
                codec.Deserialize<TEvent>(ChunkedJson.Read(row, "Json"))));
        }
        return history;
    }

    /// <summary>The head row and whether <paramref name="messageId"/> was already applied, in one query.</summary>
    internal async Task<(TableEntity? Head, bool Seen)> LoadForCommandAsync(string partition, string messageId, CancellationToken ct)
    {
        var dedupe = StreamRows.Dedupe(messageId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {StreamRows.Head} or RowKey eq {dedupe})");
        TableEntity? head = null;
        var seen = false;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.RowKey == StreamRows.Head)
            {
                head = row;
            }
            else
            {
                seen = true;
            }
        }
        return (head, seen);
    }

    internal Task EnsureCreatedAsync(CancellationToken ct) => layout.EnsureCreatedAsync(ct);

    internal static long Version(TableEntity head) => head.GetInt64("Version") ?? 0;

    internal TState State(TableEntity? head) =>
        head is null ? decider.Initial : codec.Deserialize<TState>(ChunkedJson.Read(head, "State"));
}
