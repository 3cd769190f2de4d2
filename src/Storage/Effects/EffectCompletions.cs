using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Effects;

/// <summary>Completion rows ("c:{effect id}") in the stream's partition: a redelivered effect that completed is skipped.</summary>
public sealed class EffectCompletions(StorageLayout layout, TimeProvider time)
{
    private TableClient Table => layout.Table(layout.Names.Streams);

    public async Task<bool> IsCompleteAsync(string streamId, string effectId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoding.Encode(streamId), StreamRows.Completion(effectId), ["Outcome"], ct).ConfigureAwait(false);
        return row.HasValue;
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
