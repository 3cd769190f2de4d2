using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// When we were last in touch with each reference contact: one row per contact and request (PartitionKey = contact,
/// RowKey = request), replaced as that request moves on. A request's touches only move forward, so a rerun never
/// takes one back; the contact's last touch is the latest of its rows.
/// </summary>
public sealed class ContactTouches(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.Touches);

    public async Task RecordAsync(string referenceId, string contactId, string requestId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(referenceId);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = new TableEntity(UsageTable.Partition(referenceId, contactId), KeyEncoding.Encode(requestId))
        {
            ["ReferenceId"] = referenceId,
            ["ContactId"] = contactId,
            ["At"] = at,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The last touch of each of <paramref name="contacts"/> that was ever touched (one partition query each).</summary>
    public async Task<IReadOnlyDictionary<ContactKey, DateTimeOffset>> LastTouchedAsync(IEnumerable<ContactKey> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var last = new Dictionary<ContactKey, DateTimeOffset>();
        foreach (var key in contacts.Distinct())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageTable.Partition(key.ReferenceId, key.ContactId)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["At"], cancellationToken: ct).ConfigureAwait(false))
            {
                if (row.GetDateTimeOffset("At") is { } at && (!last.TryGetValue(key, out var seen) || at > seen)) last[key] = at;
            }
        }
        return last;
    }
}
