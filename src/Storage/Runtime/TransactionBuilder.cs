using Azure.Data.Tables;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Runtime;

/// <summary>Folds new events into the state and lays out the rows of one entity-group transaction.</summary>
public sealed class TransactionBuilder<TState, TCommand, TEvent>(
    IDecider<TState, TCommand, TEvent> decider, JsonCodec codec, TimeProvider time, ISummaryProjector<TState>? projector = null)
{
    private const int MaxActions = 100;
    private const long MaxPayloadChars = 1_800_000; // 4 MiB per transaction, UTF-16 on the wire, with headroom

    public PendingCommit<TState> Build(
        string streamId, string partition, TableEntity? head, TState state, IReadOnlyList<TEvent> events, string messageId)
    {
        var version = head is null ? 0 : StreamReader<TState, TCommand, TEvent>.Version(head);
        var at = time.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        var outbox = new List<OutboxEntry>();
        foreach (var @event in events)
        {
            version++;
            state = decider.Evolve(state, @event);
            var row = new TableEntity(partition, StreamRows.Event(version))
            {
                ["Version"] = version,
                ["Type"] = @event!.GetType().Name,
                ["At"] = at,
                ["MessageId"] = messageId,
            };
            ChunkedJson.Write(row, "Json", codec.Serialize(@event), $"Event {@event.GetType().Name} of {streamId}");
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            var effects = decider.Effects(@event, state);
            for (var i = 0; i < effects.Count; i++)
            {
                var effectId = StreamRows.EffectId(streamId, version, i);
                var kind = effects[i] is StartTimer ? OutboxKind.Timer : OutboxKind.Work;
                outbox.Add(new OutboxEntry(streamId, effectId, kind, codec.Serialize(effects[i]), (effects[i] as StartTimer)?.Timer));
            }
        }
        if (projector is not null && events.Count > 0)
        {
            outbox.Add(new OutboxEntry(streamId, $"{streamId}:{version}:summary", OutboxKind.Summary, "{}", null));
        }
        actions.AddRange(outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o.ToRow(partition))));
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity(partition, StreamRows.Dedupe(messageId)) { ["MessageId"] = messageId, ["Version"] = version, ["At"] = at }));
        actions.Insert(0, HeadAction(partition, head, version, state, events.Count, at, streamId));
        Check(streamId, actions);
        return new PendingCommit<TState>(actions, version, state, outbox);
    }

    private TableTransactionAction HeadAction(
        string partition, TableEntity? head, long version, TState state, int newEvents, DateTimeOffset at, string streamId)
    {
        if (head is not null && newEvents == 0)
        {
            // No transition, only a dedupe row: a merge of nothing still checks the head's ETag.
            return new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, StreamRows.Head), head.ETag);
        }
        var row = new TableEntity(partition, StreamRows.Head) { ["StreamId"] = streamId, ["Version"] = version, ["UpdatedAt"] = at };
        ChunkedJson.Write(row, "State", codec.Serialize(state), $"State of {streamId}");
        return head is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, head.ETag);
    }

    private static void Check(string streamId, List<TableTransactionAction> actions)
    {
        if (actions.Count > MaxActions)
        {
            throw new InvalidOperationException(
                $"A command on {streamId} produced {actions.Count} rows; one transaction holds at most {MaxActions}.");
        }
        var chars = actions.Sum(a => a.Entity is TableEntity row ? row.Sum(p => p.Value is string s ? (long)s.Length : 16L) : 0L);
        if (chars > MaxPayloadChars)
        {
            throw new InvalidOperationException(
                $"A command on {streamId} writes {chars} characters; one transaction holds at most {MaxPayloadChars}.");
        }
    }
}
