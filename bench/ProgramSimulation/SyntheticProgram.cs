using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>A generated directory and a year of demand: seeded, so every strategy meets exactly the same program.</summary>
internal static class SyntheticProgram
{
    private static readonly string[] Industries = ["Healthcare", "Insurance", "Retail", "Banking", "Manufacturing", "Energy", "Telecom", "Public sector"];
    private static readonly string[] Countries = ["FR", "DE", "GB", "US", "ES", "IT", "NL", "SE", "CA", "JP"];
    private static readonly string[] Topics = ["migration", "implementation", "security", "pricing", "support", "scale"];
    private static readonly int[] Sizes = [120, 450, 900, 2500, 6000, 12000, 30000, 85000];

    /// <summary>Accounts with one to three contacts each, or exactly <paramref name="contactsPerAccount"/> when given.</summary>
    public static IReadOnlyList<ReferenceAccount> Directory(int accounts, Random random, int? contactsPerAccount = null)
    {
        var list = new List<ReferenceAccount>(accounts);
        for (var a = 0; a < accounts; a++)
        {
            var contacts = Enumerable.Range(0, contactsPerAccount ?? 1 + random.Next(3)).Select(c => new ReferenceContact(
                $"c{c}", $"Contact {a}-{c}", $"c{c}@account{a}.example", "VP Data", (Seniority)random.Next(5), (Persona)random.Next(3),
                "Europe/Paris", ["en"], [Activity.Call], Pick(random, Topics, 2), random.Next(5) == 0 ? 2 : null, null, null, "+1 555 0100")).ToList();
            list.Add(new ReferenceAccount($"acc{a}", $"Account {a}", Industries[random.Next(Industries.Length)], Sizes[random.Next(Sizes.Length)],
                1_000_000_000, Countries[random.Next(Countries.Length)], ["Analytics Cloud"], ["claims analytics"], [],
                $"owner{a % 12}@vendor.example", AccountStatus.Active, contacts, null));
        }
        return list;
    }

    /// <summary>
    /// The directory with the accounts of a share of the owners (half unless <c>--standing-share</c>) under a standing approval for all their
    /// contacts, with no end date: owners who trust the program with the customers they know well.
    /// </summary>
    public static IReadOnlyList<ReferenceAccount> WithStandingApprovals(IReadOnlyList<ReferenceAccount> directory, double share, DateTimeOffset since)
    {
        var owners = directory.Select(a => a.OwnerEmail).Distinct().Order(StringComparer.Ordinal).ToList();
        var trusting = owners.Take((int)Math.Round(owners.Count * share)).ToHashSet();
        return [.. directory.Select(a => trusting.Contains(a.OwnerEmail) && a.Status != AccountStatus.Caution
            ? a with { StandingApproval = new StandingApproval(null, null, null, null, a.OwnerEmail, since) }
            : a)];
    }

    /// <summary>Requests arriving on working days (Poisson, <paramref name="perWeek"/>), each needed 3–28 days later.</summary>
    public static IReadOnlyList<(DateTimeOffset At, RequestIntake Intake)> Demand(DateTimeOffset start, int days, double perWeek, Random random)
    {
        var list = new List<(DateTimeOffset, RequestIntake)>();
        for (var d = 0; d < days; d++)
        {
            var day = start.AddDays(d);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            for (var n = Poisson(perWeek / 5, random); n > 0; n--)
            {
                var at = day.AddHours(1 + random.Next(7));
                var neededBy = DateOnly.FromDateTime(at.UtcDateTime).AddDays(3 + random.Next(26));
                var prospect = new ProspectProfile($"Prospect {list.Count}", Industries[random.Next(Industries.Length)], Sizes[random.Next(Sizes.Length)],
                    Countries[random.Next(Countries.Length)], ["Analytics Cloud"], "claims analytics", null, "Pat Doe", "pat@prospect.example", "CIO",
                    (Seniority)random.Next(5), (Persona)random.Next(3), "Europe/Paris", "en");
                var intake = new RequestIntake(new Opportunity($"OPP-{list.Count}", "Deal", "Negotiation", 100_000m, neededBy.AddDays(30)),
                    prospect, Purpose.Validate, Pick(random, Topics, 2), Activity.Call, neededBy, new Qualification(true, true, true, true),
                    "If the references hold up, we sign.");
                list.Add((at, intake));
            }
        }
        return list;
    }

    private static List<string> Pick(Random random, string[] values, int count) => values.OrderBy(_ => random.Next()).Take(count).ToList();

    private static int Poisson(double mean, Random random)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= random.NextDouble()) > limit) k++;
        return k;
    }
}
