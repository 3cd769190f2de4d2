using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// The gratitude read model: one row per contact and request (PartitionKey = contact, RowKey = request), written
/// when the reference is thanked. An upsert on that key, so a rerun changes nothing; counted without reading requests.
/// </summary>
public sealed class ThanksLedger(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.Thanks);

    public async Task RecordAsync(ThanksRecord thanks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thanks);
        ArgumentException.ThrowIfNullOrEmpty(thanks.ReferenceId);
        ArgumentException.ThrowIfNullOrEmpty(thanks.ContactId);
        ArgumentException.ThrowIfNullOrEmpty(thanks.RequestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = new TableEntity(UsageTable.Partition(thanks.ReferenceId, thanks.ContactId), KeyEncoding.Encode(thanks.RequestId))
        {
            ["ReferenceId"] = thanks.ReferenceId,
            ["ContactId"] = thanks.ContactId,
            ["RequestId"] = thanks.RequestId,
            ["At"] = thanks.At,
            ["GiftKind"] = thanks.Gift?.Kind.ToString() ?? ThanksTally.NoGift,
            ["GiftNote"] = thanks.Gift?.Note,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The thanks each of <paramref name="contacts"/> received, newest first (one partition query each).</summary>
    public async Task<IReadOnlyList<ThanksRecord>> ForContactsAsync(IEnumerable<ContactKey> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = new List<ThanksRecord>();
        foreach (var key in contacts.Distinct())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageTable.Partition(key.ReferenceId, key.ContactId)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false)) found.Add(Read(row));
        }
        return [.. found.OrderByDescending(t => t.At)];
    }

    /// <summary>Thanks per contact and per gift kind across the program: the two columns of every row, nothing else.</summary>
    public async Task<ThanksTally> TallyAsync(CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var perContact = new Dictionary<ContactKey, int>();
        var perGift = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["ReferenceId", "ContactId", "GiftKind"], cancellationToken: ct).ConfigureAwait(false))
        {
            var key = new ContactKey(row.GetString("ReferenceId") ?? "", row.GetString("ContactId") ?? "");
            perContact[key] = perContact.GetValueOrDefault(key) + 1;
            var kind = row.GetString("GiftKind") ?? ThanksTally.NoGift;
            perGift[kind] = perGift.GetValueOrDefault(kind) + 1;
        }
        return new ThanksTally(perContact, perGift);
    }

    private static ThanksRecord Read(TableEntity row)
    {
        var gift = Enum.TryParse<GiftKind>(row.GetString("GiftKind"), out var kind) ? new Gift(kind, row.GetString("GiftNote")) : null;
        return new ThanksRecord(row.GetString("ReferenceId") ?? "", row.GetString("ContactId") ?? "", row.GetString("RequestId") ?? "",
            row.GetDateTimeOffset("At") ?? default, gift);
    }
}
