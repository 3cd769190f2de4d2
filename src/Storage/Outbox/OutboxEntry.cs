using Azure.Data.Tables;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Outbox;

/// <summary>One effect waiting in a stream's partition to be dispatched; <paramref name="Payload"/> is the effect's JSON.</summary>
public sealed record OutboxEntry(string StreamId, string EffectId, OutboxKind Kind, string Payload, TimerDue? Timer)
{
    public TableEntity ToRow(string partition)
    {
        var row = new TableEntity(partition, StreamRows.Outbox(EffectId))
        {
            ["StreamId"] = StreamId,
            ["EffectId"] = EffectId,
            ["Kind"] = Kind.ToString(),
        };
        ChunkedJson.Write(row, "Json", Payload, $"Effect {EffectId}");
        if (Timer is not null)
        {
            row["TimerId"] = Timer.TimerId;
            row["TimerKind"] = Timer.Kind;
            row["DueAt"] = Timer.DueAt;
        }
        return row;
    }

    public static OutboxEntry FromRow(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var kind = Enum.Parse<OutboxKind>(row.GetString("Kind") ?? nameof(OutboxKind.Work));
        var timer = kind == OutboxKind.Timer
            ? new TimerDue(row.GetString("TimerId") ?? "", row.GetString("TimerKind") ?? "", row.GetDateTimeOffset("DueAt") ?? default)
            : null;
        return new OutboxEntry(row.GetString("StreamId") ?? "", row.GetString("EffectId") ?? "", kind, ChunkedJson.Read(row, "Json"), timer);
    }
}
