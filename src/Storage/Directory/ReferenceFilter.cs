using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// Directory search over a snapshot of the directory (<see cref="DirectorySnapshot"/>): every filter combines,
/// text and names compare without regard to case. The contact filters (activity, topic, level, usage) ask for one
/// contact who meets them all: "a VP who takes calls and was never asked", not one contact of each.
/// Level and usage need <see cref="Standings"/>, the contacts' usage at the moment of the search.
/// </summary>
public sealed record ReferenceFilter(
    string? Industry = null,
    string? Country = null,
    AccountStatus? Status = null,
    string? OwnerEmail = null,
    Activity? Activity = null,
    string? Topic = null,
    string? Text = null,
    string? Product = null,
    ReferenceLevel? Level = null,
    UsageStanding? Usage = null,
    ContactStandings? Standings = null)
{
    public static ReferenceFilter All { get; } = new();

    /// <summary>True when the filter asks about usage, so its caller must supply <see cref="Standings"/>.</summary>
    public bool NeedsStandings => Level is not null || Usage is not null;

    public bool Matches(ReferenceAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!Same(Industry, account.Industry) || !Same(Country, account.Country) || !Same(OwnerEmail, account.OwnerEmail) ||
            (Status is { } status && account.Status != status))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(Product) && !account.Products.Any(p => Same(Product, p)))
        {
            return false;
        }
        if ((Activity is not null || !string.IsNullOrWhiteSpace(Topic) || NeedsStandings) && !account.Contacts.Any(c => Matches(account, c)))
        {
            return false;
        }
        return string.IsNullOrWhiteSpace(Text) || Searchable(account).Any(s => s.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private bool Matches(ReferenceAccount account, ReferenceContact contact)
    {
        if (Activity is { } activity && !contact.Activities.Contains(activity)) return false;
        if (!string.IsNullOrWhiteSpace(Topic) && !contact.Topics.Any(t => Same(Topic, t))) return false;
        if (!NeedsStandings) return true;
        var standings = Standings ?? throw new InvalidOperationException("A level or usage filter needs the contacts' standings.");
        return (Level is not { } level || standings.Level(account, contact) == level)
            && (Usage is not { } usage || standings.Fatigue(account, contact).Is(usage));
    }

    private static bool Same(string? wanted, string value) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Searchable(ReferenceAccount a) =>
        new[] { a.ReferenceId, a.Account, a.Industry, a.Country, a.OwnerEmail }
            .Concat(a.Products).Concat(a.UseCases).Concat(a.MigratedFrom)
            .Concat(a.Contacts.SelectMany(c => new[] { c.Name, c.Title }.Concat(c.Topics)));
}
