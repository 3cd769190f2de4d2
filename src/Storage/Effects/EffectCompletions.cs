using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Effects;

/// <summary>
/// One row per effect ("c:{effect id}") in the stream's partition: a lease while a worker performs
/// it, then its outcome. Duplicates that arrive together or later are not performed a second time;
/// only a worker that died holding the lease lets the effect run again once the lease expires.
/// </summary>
public sealed class EffectCompletions(StorageLayout layout, TimeProvider time)
{
    private const string Running = "Running";

    private TableClient Table => layout.Table(layout.Names.Streams);

    /// <summary>Takes the lease; otherwise says the effect is done, or how long another worker still holds it.</summary>
    public async Task<EffectClaim> ClaimAsync(string streamId, string effectId, TimeSpan lease, CancellationToken ct)
    {
        var partition = KeyEncoding.Encode(streamId);
        var rowKey = StreamRows.Completion(effectId);
        var now = time.GetUtcNow();
        var row = new TableEntity(partition, rowKey) { ["EffectId"] = effectId, ["Outcome"] = Running, ["LeaseUntil"] = now + lease };
        try
        {
            await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
            return EffectClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct).ConfigureAwait(false);
            if (!existing.HasValue)
            {
                return EffectClaim.Busy(TimeSpan.FromSeconds(1)); // released in between; try again shortly
            }
            var current = existing.Value!;
            if (current.GetString("Outcome") != Running)
            {
                return EffectClaim.Completed;
            }
            var until = current.GetDateTimeOffset("LeaseUntil") ?? now;
            if (until > now)
            {
                return EffectClaim.Busy(until - now);
            }
            try
            {
                await Table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return EffectClaim.Claimed;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 404 or 412)
            {
                return EffectClaim.Busy(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Gives the lease back after a failed attempt, so the retry need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string streamId, string effectId, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(KeyEncoding.Encode(streamId), StreamRows.Completion(effectId), ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing held.
        }
    }

    public async Task<bool> IsCompleteAsync(string streamId, string effectId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoding.Encode(streamId), StreamRows.Completion(effectId), ["Outcome"], ct).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("Outcome") != Running;
    }

    public async Task MarkAsync(string streamId, string effectId, string outcome, CancellationToken ct)
    {
        var row = new TableEntity(KeyEncoding.Encode(streamId), StreamRows.Completion(effectId))
        {
            ["EffectId"] = effectId,
            ["Outcome"] = outcome,
            ["At"] = time.GetUtcNow(),
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }
}
