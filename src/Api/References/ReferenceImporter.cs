using System.Globalization;
using CsvHelper;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Workflow.Imports;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Api.References;

/// <summary>
/// CSV import: a header row names the fields (any order, case-insensitive), one row per contact,
/// lists separated by ';'. Rows of one referenceId form one account; account fields come from its
/// first row. Contacts merge into an existing account by contactId.
/// </summary>
public sealed class ReferenceImporter(IReferenceDirectory directory, ReferenceImports imports, PeopleDirectory people)
{
    public const int MaxRows = 100_000;

    /// <summary>Files with more accounts than this are imported in the background (202 and a job to follow).</summary>
    public const int InlineAccounts = 500;

    public static async Task<ImportPlan> ParseAsync(TextReader reader, CancellationToken ct = default)
    {
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true }, leaveOpen: true);
        var rejected = new List<ImportRejection>();
        var groups = new Dictionary<string, (ReferenceDto Account, List<(int Line, ReferenceContact Contact)> Contacts)>(StringComparer.Ordinal);
        await csv.ReadHeaderAsync(ct);
        if (csv.Headers is not { Count: > 0 } header)
        {
            return ImportPlan.Refused("The file has no header row.");
        }
        // Looked up in any case; messages name the columns as the template spells them.
        var columns = header.Select((name, index) => (name: name.Trim(), index))
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        var missing = new[] { "referenceId", "contactId" }.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportPlan.Refused($"The header row lacks: {string.Join(", ", missing)}.");
        }
        var rows = 0;
        while (await csv.ReadAsync(ct))
        {
            var line = (int)csv.LineNumber;
            if (++rows > MaxRows) { rejected.Add(new ImportRejection(line, $"More than {MaxRows} rows; the rest was not read.")); break; }
            string? Field(string name) => columns.TryGetValue(name, out var i) && i < csv.FieldCount ? Blank(csv.GetString(i)) : null;
            var errors = new FieldErrors();
            var row = CsvRow.Read(Field, errors);
            var referenceId = Field("referenceId") ?? "";
            var contact = ReferenceValidator.ValidateContact(row.Contact, "", errors);
            if (!groups.TryGetValue(referenceId, out var group))
            {
                // The account's fields are validated on its first row; later rows only add contacts.
                ReferenceValidator.ValidateAccount(referenceId, row.Account, [], errors);
            }
            if (errors.Any || contact is null)
            {
                rejected.Add(new ImportRejection(line, Describe(errors)));
                continue;
            }
            if (group.Account is null) groups[referenceId] = group = (row.Account, []);
            if (group.Contacts.Any(c => c.Contact.ContactId == contact.ContactId))
            {
                rejected.Add(new ImportRejection(line, $"contactId: '{contact.ContactId}' appears twice for {referenceId}."));
                continue;
            }
            group.Contacts.Add((line, contact));
        }
        var accounts = groups.Select(g => ToAccount(g.Key, g.Value.Account, g.Value.Contacts.Select(c => c.Contact).ToList())).ToList();
        var owners = groups.Values.Select(g => ReferenceValidator.OwnerOf(g.Account)).OfType<KnownName>()
            .DistinctBy(o => o.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return new ImportPlan(accounts, rejected, rows) { Owners = owners };
    }

    /// <summary>Imports a file: at once when it is small, else as a background job; a file without its key columns, not at all.</summary>
    public async Task<ImportOutcome> ImportAsync(TextReader reader, string by, CancellationToken ct = default)
    {
        var plan = await ParseAsync(reader, ct);
        if (plan.Unreadable is { } reason) return new ImportOutcome.Unreadable(reason);
        if (plan.Accounts.Count <= InlineAccounts) return new ImportOutcome.Finished(await ApplyAsync(plan, ct));
        await RememberOwnersAsync(plan, ct);
        return new ImportOutcome.Started(await imports.StartAsync(plan.Accounts, plan.Rejected, plan.Rows, by, ct));
    }

    /// <summary>A background import's progress, or null.</summary>
    public Task<ImportJob?> JobAsync(string id, CancellationToken ct = default) => imports.GetAsync(id, ct);

    /// <summary>Stores a parsed file (the import page previews with <see cref="ParseAsync"/> first).</summary>
    public async Task<ImportResult> ApplyAsync(ImportPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await RememberOwnersAsync(plan, ct);
        var created = await directory.MergeManyAsync(plan.Accounts, ct);
        return new ImportResult(created, plan.Accounts.Count - created, plan.Rejected);
    }

    /// <summary>The owners' names the file gives go to the people directory, which names staff everywhere (a few rows: one per owner).</summary>
    public async Task RememberOwnersAsync(ImportPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var owner in plan.Owners) await people.RememberAsync(owner, ct);
    }

    private static ReferenceAccount ToAccount(string referenceId, ReferenceDto dto, List<ReferenceContact> contacts) =>
        ReferenceValidator.ValidateAccount(referenceId, dto, contacts, new FieldErrors())
        ?? throw new InvalidOperationException($"Account {referenceId} was validated on its first row.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(FieldErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
