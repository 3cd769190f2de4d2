using System.Globalization;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The change log of a reference contact's own settings: one row per change (PartitionKey = contact, RowKey = the time
/// inverted, so a partition reads newest first). The directory row holds the settings; this says what changed, when.
/// </summary>
public sealed class ContactChangeLog(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.ContactChanges);

    public async Task AppendAsync(ContactKey contact, DateTimeOffset at, IReadOnlyList<string> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var partition = UsageTable.Partition(contact.ReferenceId, contact.ContactId);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        // One transaction per save: the lines of one change appear together or not at all; the suffix keeps their order.
        var batch = changes.Select((what, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, $"{inverted}-{i:D2}") { ["At"] = at, ["What"] = what }));
        await Table.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
    }

    /// <summary>The contact's changes, newest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<PreferenceChangeEntry>> ReadAsync(ContactKey contact, int max, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageTable.Partition(contact.ReferenceId, contact.ContactId)}");
        var found = new List<(string Row, PreferenceChangeEntry Entry)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: ct).ConfigureAwait(false))
        {
            found.Add((row.RowKey, new PreferenceChangeEntry(row.GetDateTimeOffset("At") ?? default, row.GetString("What") ?? "")));
            if (found.Count >= max) break;
        }
        // Rows of one save share a time; within it, the lines read in the order they were written.
        return found.GroupBy(f => f.Row[..19]).SelectMany(g => g.OrderBy(f => f.Row, StringComparer.Ordinal)).Select(f => f.Entry).ToList();
    }
}
