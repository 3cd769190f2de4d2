using Azure.Data.Tables;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.People;

/// <summary>
/// Staff names (and time zones) we were told and keep: one row per address and source (PartitionKey = the address in lower case,
/// RowKey = <see cref="NameSource"/>), replaced when the source says it again. So the people directory reads all that is
/// remembered of a person in one partition query, and a sign-in never overwrites what the directory's owner column said.
/// </summary>
public sealed class RememberedNames(StorageLayout layout) : IPeopleSource
{
    public const int MaxNameLength = 200;

    private TableClient Table => layout.Table(layout.Names.People);

    /// <summary>
    /// Keeps what the source said: a name, a time zone or both. Merged into the row, because a sign-in's name and its
    /// browser's zone arrive apart and neither may wipe the other; what is said again replaces what was said before.
    /// </summary>
    public async Task RememberAsync(KnownName name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hasName = !string.IsNullOrWhiteSpace(name.Name);
        var hasZone = !string.IsNullOrWhiteSpace(name.TimeZoneId);
        if (!(hasName || hasZone) || !KeyEncoding.Fits(Key(name.Email))) return;
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = new TableEntity(KeyEncoding.Encode(Key(name.Email)), name.Source.ToString()) { ["Email"] = name.Email.Trim() };
        if (hasName) row["Name"] = Clip(name.Name.Trim());
        if (hasZone) row["TimeZoneId"] = name.TimeZoneId!.Trim();
        await Table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KnownName>> NamesAsync(string email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !KeyEncoding.Fits(Key(email))) return [];
        await layout.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.Encode(Key(email))}");
        var found = new List<KnownName>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Enum.TryParse<NameSource>(row.RowKey, out var source))
            {
                found.Add(new KnownName(row.GetString("Email") ?? email, row.GetString("Name") ?? "", source, row.GetString("TimeZoneId")));
            }
        }
        return found;
    }

    private static string Key(string email) => email.Trim().ToLowerInvariant();

    private static string Clip(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
