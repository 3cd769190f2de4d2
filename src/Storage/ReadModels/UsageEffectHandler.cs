using Azure.Data.Tables;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Effects;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Performs <see cref="RecordUsage"/>: an upsert keyed by request and activity, so redelivery changes nothing.</summary>
public sealed class UsageEffectHandler(StorageLayout layout) : IEffectHandler
{
    public bool CanHandle(Effect effect) => effect is RecordUsage;

    public async Task HandleAsync(EffectEnvelope envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Effect is not RecordUsage usage)
        {
            throw new PermanentEffectException($"{nameof(UsageEffectHandler)} cannot perform {envelope.Effect.GetType().Name}.");
        }
        if (string.IsNullOrEmpty(usage.ReferenceId) || string.IsNullOrEmpty(usage.ContactId) ||
            string.IsNullOrEmpty(usage.RequestId) || string.IsNullOrEmpty(usage.Activity))
        {
            throw new PermanentEffectException("RecordUsage needs a reference, contact, request and activity.");
        }
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = UsageTable.ToRow(new UsageRecord(
            usage.ReferenceId, usage.ContactId, usage.RequestId, usage.Activity, usage.At, usage.InfluencedRevenueUsd));
        await layout.Table(layout.Names.Usage).UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }
}
