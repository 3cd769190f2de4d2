using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Benchmarks;

/// <summary>Ranks 100,000 generated contacts (25,000 accounts × 4) for one prospect; seeded, so every run ranks the same directory.</summary>
/// <remarks>In-process: the project's assembly name (ReferenceFlow.Benchmarks) differs from its folder, which the out-of-process toolchain cannot find.</remarks>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class MatchingBenchmarks
{
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Industries = ["Healthcare", "Retail", "Finance", "Manufacturing", "Public Sector", "Media", "Energy", "Logistics"];
    private static readonly string[] Countries = ["FR", "DE", "US", "GB", "ES", "IT", "NL", "CA", "JP", "BR", "AU", "SE"];
    private static readonly string[] Products = ["Analytics Cloud", "Data Hub", "Workflow", "Reports", "Edge"];
    private static readonly string[] Topics = ["migration", "implementation", "integration", "administration", "ROI", "support", "selection"];
    private static readonly string[] Competitors = ["LegacyBI", "OtherCo", "HomeGrown", "BigVendor"];

    private readonly WorkflowPolicy policy = new();
    private List<ReferenceAccount> accounts = [];
    private UsageIndex usage = UsageIndex.Empty;
    private HashSet<ContactKey> busy = [];
    private List<ContactUsage> usageRows = [];
    private RequestIntake intake = null!;
    private DirectoryIndex index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261118);
        accounts = [.. Enumerable.Range(0, 25_000).Select(i => Account(random, i))];
        usageRows = [.. accounts.SelectMany(a => a.Contacts.Select(c => (a, c)))
            .Where(_ => random.NextDouble() < 0.3)
            .Select(x => new ContactUsage(x.a.ReferenceId, x.c.ContactId, "r", Activity.Call, Now.AddDays(-random.Next(1, 400))))];
        usage = UsageIndex.Build(usageRows, Now);
        index = DirectoryIndex.Build(accounts);
        busy = [.. usageRows.Take(500).Select(u => new ContactKey(u.ReferenceId, u.ContactId))];
        var prospect = new ProspectProfile("Acme Health", "Healthcare", 9000, "FR", ["Analytics Cloud"], "claims analytics", "LegacyBI",
            "Paul Martin", "paul@acme.example", "VP Analytics", Seniority.VP, Persona.Business, "Europe/Paris", "fr");
        intake = new RequestIntake(new Opportunity("OPP-1", "Acme", "Negotiation", 250_000m, new DateOnly(2027, 1, 15)), prospect,
            Purpose.Validate, ["migration", "implementation"], Activity.Call, new DateOnly(2026, 12, 20), new Qualification(true, true, true, true), "redlines");
    }

    [Benchmark(Baseline = true, Description = "Rank 100k contacts, top 5, over the directory index")]
    public IReadOnlyList<Candidate> RankIndexed() =>
        Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics, index, usage, busy, Now, policy, 5);

    [Benchmark(Description = "Index 30k usage rows, then rank 100k contacts over the directory index")]
    public IReadOnlyList<Candidate> RankIndexedWithFreshUsage() =>
        Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics, index, UsageIndex.Build(usageRows, Now), busy, Now, policy, 5);

    [Benchmark(Description = "Rank 100k contacts, top 5, over the account list")]
    public IReadOnlyList<Candidate> RankList() =>
        Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics, accounts, usage, busy, Now, policy, 5);

    [Benchmark(Description = "Build the directory index of 100k contacts (once per directory load)")]
    public DirectoryIndex BuildIndex() => DirectoryIndex.Build(accounts);

    private static ReferenceAccount Account(Random random, int i)
    {
        var contacts = Enumerable.Range(0, 4).Select(c => new ReferenceContact(
            $"c{c}", $"Contact {i}-{c}", $"c{c}@a{i}.example", "Title", (Seniority)random.Next(5), (Persona)random.Next(3), "Europe/Paris",
            random.Next(2) == 0 ? ["fr", "en"] : ["en"], random.Next(4) == 0 ? [Activity.Quote] : [Activity.Call, Activity.Quote],
            [Topics[random.Next(Topics.Length)], Topics[random.Next(Topics.Length)]], random.Next(1, 3),
            random.Next(20) == 0 ? new DateOnly(2027, 3, 1) : null, new DateOnly(2027, 6, 30))).ToList();
        return new ReferenceAccount($"ref-{i}", $"Account {i}", Industries[random.Next(Industries.Length)], (int)Math.Pow(10, 1 + (random.NextDouble() * 4.5)),
            1_000_000, Countries[random.Next(Countries.Length)], [Products[random.Next(Products.Length)], Products[random.Next(Products.Length)]],
            ["claims analytics"], [Competitors[random.Next(Competitors.Length)]], $"owner{i % 200}@vendor.example",
            random.Next(30) == 0 ? AccountStatus.Caution : AccountStatus.Active, contacts);
    }
}
