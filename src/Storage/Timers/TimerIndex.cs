using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Timers;

/// <summary>
/// Pending timers by due hour (PartitionKey "yyyyMMddHH", RowKey = effect id), written before the
/// timer message is sent and removed when it fired, so a lost message is found by the sweeper.
/// </summary>
public sealed class TimerIndex(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.TimerIndex);

    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public async Task AddAsync(string streamId, string effectId, TimerDue timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var row = new TableEntity(Bucket(timer.DueAt), KeyEncoding.Encode(effectId))
        {
            ["StreamId"] = streamId,
            ["EffectId"] = effectId,
            ["TimerId"] = timer.TimerId,
            ["Kind"] = timer.Kind,
            ["DueAt"] = timer.DueAt,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string effectId, DateTimeOffset dueAt, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Bucket(dueAt), KeyEncoding.Encode(effectId), ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already removed: the queue and the sweeper may both fire a timer.
        }
    }

    /// <summary>Timers due at or before <paramref name="dueBy"/>; only past buckets are read.</summary>
    public async Task<IReadOnlyList<(string StreamId, string EffectId, TimerDue Timer)>> DueAsync(DateTimeOffset dueBy, int max, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Bucket(dueBy)} and DueAt le {dueBy}");
        var due = new List<(string, string, TimerDue)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            due.Add((row.GetString("StreamId") ?? "", row.GetString("EffectId") ?? "",
                new TimerDue(row.GetString("TimerId") ?? "", row.GetString("Kind") ?? "", row.GetDateTimeOffset("DueAt") ?? default)));
            if (due.Count >= max)
            {
                break;
            }
        }
        return due;
    }
}
