using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Credits a held activity to a contact: an upsert keyed by request and activity, so a rerun changes nothing.</summary>
public sealed class UsageWriter(StorageLayout layout)
{
    public async Task RecordAsync(UsageRecord usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (string.IsNullOrEmpty(usage.ReferenceId) || string.IsNullOrEmpty(usage.ContactId) ||
            string.IsNullOrEmpty(usage.RequestId) || string.IsNullOrEmpty(usage.Activity))
        {
            throw new ArgumentException("Usage needs a reference, contact, request and activity.", nameof(usage));
        }
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        await layout.Table(layout.Names.Usage).UpsertEntityAsync(UsageTable.ToRow(usage), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }
}
