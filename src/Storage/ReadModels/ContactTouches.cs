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

    /// <summary>
    /// The last touch of each of <paramref name="contacts"/> that was ever touched. It reads the whole table once, in pages
    /// of a thousand rows, because its caller asks about the whole directory (keep-warm): a query per contact made as many
    /// calls as there are contacts, 10,000 in a row for a directory of 2,500 accounts.
    /// </summary>
    public async Task<IReadOnlyDictionary<ContactKey, DateTimeOffset>> LastTouchedAsync(IEnumerable<ContactKey> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var byPartition = new Dictionary<string, ContactKey>(StringComparer.Ordinal);
        foreach (var key in contacts) byPartition.TryAdd(UsageTable.Partition(key.ReferenceId, key.ContactId), key);
        var last = new Dictionary<ContactKey, DateTimeOffset>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter: (string?)null, select: ["PartitionKey", "At"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (byPartition.TryGetValue(row.PartitionKey, out var key) && row.GetDateTimeOffset("At") is { } at
                && (!last.TryGetValue(key, out var seen) || at > seen))
            {
                last[key] = at;
            }
        }
        return last;
    }
}
