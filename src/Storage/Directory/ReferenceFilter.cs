using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// Directory search over a snapshot of the directory (<see cref="DirectorySnapshot"/>): every filter combines,
/// text and names compare without regard to case.
/// </summary>
public sealed record ReferenceFilter(
    string? Industry = null,
    string? Country = null,
    AccountStatus? Status = null,
    string? OwnerEmail = null,
    Activity? Activity = null,
    string? Topic = null,
    string? Text = null)
{
    public static ReferenceFilter All { get; } = new();

    public bool Matches(ReferenceAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!Same(Industry, account.Industry) || !Same(Country, account.Country) || !Same(OwnerEmail, account.OwnerEmail) ||
            (Status is { } status && account.Status != status))
        {
            return false;
        }
        if (Activity is { } activity && !account.Contacts.Any(c => c.Activities.Contains(activity)))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(Topic) &&
            !account.Contacts.Any(c => c.Topics.Any(t => t.Equals(Topic.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }
        return string.IsNullOrWhiteSpace(Text) || Searchable(account).Any(s => s.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static bool Same(string? wanted, string value) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Searchable(ReferenceAccount a) =>
        new[] { a.ReferenceId, a.Account, a.Industry, a.Country, a.OwnerEmail }
            .Concat(a.Products).Concat(a.UseCases).Concat(a.MigratedFrom)
            .Concat(a.Contacts.SelectMany(c => new[] { c.Name, c.Title }.Concat(c.Topics)));
}
