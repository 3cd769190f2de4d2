using System.Globalization;
using System.Text;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Seed;

/// <summary>
/// A deterministic demo directory (seeded random): accounts across industries, sizes, countries and
/// time zones, with 1–3 contacts each, a few owners, and the statuses a real program has.
/// </summary>
public static class DemoDirectory
{
    public static IReadOnlyList<ReferenceAccount> Create(int count, DateOnly today, int seed = 2026)
    {
        var random = new Random(seed);
        // Phones draw from their own sequence, so a country's number format can change without reshuffling the directory.
        var phones = new Random(seed + 1);
        var accounts = new List<ReferenceAccount>(count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var sector = DemoCatalog.Sectors[i % DemoCatalog.Sectors.Length];
            var place = DemoCatalog.Places[random.Next(DemoCatalog.Places.Length)];
            var company = $"{DemoCatalog.Companies[i % DemoCatalog.Companies.Length]} {sector.Suffix}";
            var slug = Slug(company);
            var employees = Pick(random, [40, 120, 450, 900, 2500, 6000, 12000, 30000, 85000]);
            var status = i switch
            {
                _ when i % 17 == 5 => AccountStatus.Caution,
                _ when i % 23 == 7 => AccountStatus.Paused,
                _ when i == count - 1 => AccountStatus.Retired,
                _ => AccountStatus.Active,
            };
            var contacts = Enumerable.Range(0, 1 + random.Next(3)).Select(n => Contact(random, phones, place, slug, n, today, names)).ToList();
            accounts.Add(new ReferenceAccount(
                slug, company, sector.Industry, employees, employees * 180_000L,
                place.Country,
                Several(random, DemoCatalog.Products, 1, 3),
                Several(random, sector.UseCases, 1, 2),
                random.Next(3) == 0 ? [] : Several(random, DemoCatalog.Competitors, 1, 1),
                DemoCatalog.Owners[i % DemoCatalog.Owners.Length],
                status,
                contacts,
                status == AccountStatus.Caution ? (i % 2 == 0 ? "Open escalation on data refresh latency." : "Renewal in the next 60 days.") : null));
        }
        return accounts;
    }

    private static ReferenceContact Contact(Random random, Random phones, DemoCatalog.Place place, string slug, int n, DateOnly today, HashSet<string> names)
    {
        var (first, last) = UnusedName(random, place, names);
        var seniority = (Seniority)random.Next(5);
        var persona = (Persona)random.Next(3);
        var activities = new List<Activity> { Activity.Call };
        foreach (var extra in new[] { Activity.Quote, Activity.Logo, Activity.SiteVisit, Activity.CaseStudy, Activity.Webinar, Activity.Speaking })
        {
            if (random.Next(3) == 0) activities.Add(extra);
        }
        var consent = random.Next(10) == 0 ? today.AddDays(-random.Next(10, 90)) : today.AddDays(random.Next(120, 540));
        DateOnly? paused = random.Next(12) == 0 ? today.AddDays(random.Next(20, 100)) : null;
        return new ReferenceContact(
            $"{Slug(first)}-{n + 1}", $"{first} {last}", $"{Slug(first)}.{Slug(last)}@{slug}.example",
            Title(seniority, persona), seniority, persona, place.TimeZone, place.Languages, activities,
            Several(random, DemoCatalog.Topics, 2, 4),
            random.Next(6) == 0 ? 2 : null, paused, consent,
            DemoPhones.For(place.Country, phones));
    }

    /// <summary>A name no other demo contact has: two people with one name (and so one address) would confuse every page.</summary>
    private static (string First, string Last) UnusedName(Random random, DemoCatalog.Place place, HashSet<string> names)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = place.FirstNames[random.Next(place.FirstNames.Length)];
            var last = place.LastNames[random.Next(place.LastNames.Length)];
            // Past a few tries the small name lists are used up: a middle initial keeps the name believable.
            if (attempt >= 8) first = $"{first} {(char)('A' + random.Next(26))}.";
            if (names.Add($"{first} {last}")) return (first, last);
        }
    }

    private static string Title(Seniority seniority, Persona persona) => (seniority, persona) switch
    {
        (Seniority.CLevel, Persona.Technical) => "Chief Technology Officer",
        (Seniority.CLevel, _) => "Chief Data Officer",
        (Seniority.VP, Persona.Technical) => "VP Engineering",
        (Seniority.VP, _) => "VP Analytics",
        (Seniority.Director, Persona.Technical) => "Director of Data Platforms",
        (Seniority.Director, _) => "Director of Business Intelligence",
        (Seniority.Manager, Persona.Technical) => "Data Engineering Manager",
        (Seniority.Manager, _) => "Analytics Manager",
        (_, Persona.Technical) => "Platform Administrator",
        _ => "Senior Analyst",
    };

    private static int Pick(Random random, int[] values) => values[random.Next(values.Length)];

    private static List<string> Several(Random random, string[] values, int min, int max) =>
        values.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToList();

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}
