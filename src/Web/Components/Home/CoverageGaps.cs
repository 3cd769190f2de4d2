using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Components.Home;

/// <summary>
/// Topics, industries and countries with fewer than two usable references (active accounts with a
/// contact whose consent has not expired): where one "no" leaves reps with nobody to ask.
/// </summary>
public static class CoverageGaps
{
    public const int Minimum = 2;

    public sealed record Gap(string Dimension, string Value, int References);

    public static IReadOnlyList<Gap> Find(IReadOnlyList<ReferenceAccount> accounts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var usable = accounts
            .Where(a => a.Status == AccountStatus.Active && a.Contacts.Any(c => c.ConsentExpires is null || c.ConsentExpires >= today))
            .ToList();
        return Count("Industry", accounts.Select(a => a.Industry), usable, a => [a.Industry])
            .Concat(Count("Country", accounts.Select(a => a.Country), usable, a => [a.Country]))
            .Concat(Count("Topic", accounts.SelectMany(a => a.Contacts.SelectMany(c => c.Topics)), usable,
                a => a.Contacts.SelectMany(c => c.Topics)))
            .OrderBy(g => g.References).ThenBy(g => g.Dimension, StringComparer.Ordinal).ThenBy(g => g.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static IEnumerable<Gap> Count(string dimension, IEnumerable<string> known, List<ReferenceAccount> usable,
        Func<ReferenceAccount, IEnumerable<string>> values)
    {
        var counts = usable
            .SelectMany(a => values(a).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(v => new Gap(dimension, v, counts.GetValueOrDefault(v)))
            .Where(g => g.References < Minimum);
    }
}
