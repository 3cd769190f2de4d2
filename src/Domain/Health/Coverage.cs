using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health;

/// <summary>
/// Coverage (domain.md): topics, industries, countries and products with fewer than two active, consented references,
/// where one "no" leaves reps with nobody to ask. A reference is an account; it covers a value when the account is
/// Active and one of its contacts who can be asked today (consent not expired, not paused) carries it — for a topic,
/// that contact must speak to it.
/// The values counted are those the directory holds, in any account and any status: a retired account's industry
/// with nobody left is a gap. Prospects' values are not counted: no read model holds them, and reading every request's
/// intake for each look would cost a history read per request.
/// </summary>
public static class Coverage
{
    public const int Minimum = 2;

    /// <summary>True when the contact counts towards coverage today.</summary>
    public static bool CanBeAsked(ReferenceAccount account, ReferenceContact contact, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        return account.Status == AccountStatus.Active
            && (contact.ConsentExpires is not { } expires || expires >= today)
            && (contact.PausedUntil is not { } paused || paused <= today);
    }

    /// <summary>Every gap, thinnest first, then by dimension and value.</summary>
    public static IReadOnlyList<CoverageGap> Gaps(IReadOnlyList<ReferenceAccount> accounts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var counts = Enum.GetValues<CoverageDimension>().ToDictionary(d => d, _ => new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase));
        foreach (var account in accounts)
        {
            var askable = account.Contacts.Where(c => CanBeAsked(account, c, today)).ToList();
            var covers = askable.Count > 0;
            Add(counts[CoverageDimension.Industry], [account.Industry], covers ? [account.Industry] : []);
            Add(counts[CoverageDimension.Country], [account.Country], covers ? [account.Country] : []);
            Add(counts[CoverageDimension.Product], account.Products, covers ? account.Products : []);
            Add(counts[CoverageDimension.Topic], account.Contacts.SelectMany(c => c.Topics), askable.SelectMany(c => c.Topics));
        }

        return [.. counts
            .SelectMany(d => d.Value.Values.Where(t => t.References < Minimum).Select(t => new CoverageGap(d.Key, t.Value, t.References)))
            .OrderBy(g => g.ActiveReferences).ThenBy(g => g.Dimension).ThenBy(g => g.Value, StringComparer.OrdinalIgnoreCase)];
    }

    // Each account counts once per value, however many of its contacts carry it; the first spelling seen names it.
    private static void Add(Dictionary<string, Tally> tallies, IEnumerable<string> present, IEnumerable<string> covered)
    {
        foreach (var value in present.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            tallies.TryAdd(value, new Tally(value));
        }

        foreach (var value in covered.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            tallies[value].References++;
        }
    }

    private sealed class Tally(string value)
    {
        public string Value { get; } = value;

        public int References { get; set; }
    }
}
