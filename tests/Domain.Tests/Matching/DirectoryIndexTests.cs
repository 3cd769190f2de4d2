using FsCheck.Xunit;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Matching;

public sealed class DirectoryIndexTests
{
    private static readonly string[] Industries = ["Healthcare", "healthcare", "Retail", "Finance"];
    private static readonly string[] Countries = ["FR", "DE", "US", "JP", "ZZ"];
    private static readonly string[] Words = ["migration", "ROI", "Analytics Cloud", "Data Hub", "claims analytics", "LegacyBI", "OtherCo", "fr", "en", "de"];

    [Property(MaxTest = 150)]
    public void IndexedRankingEqualsTheListRanking(int seed)
    {
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, random.Next(1, 40)).Select(a => Account(random, a)).ToList();
        var usage = accounts.SelectMany(a => a.Contacts.Select(c => (a, c))).Where(_ => random.Next(3) == 0)
            .Select(x => new ContactUsage(x.a.ReferenceId, x.c.ContactId, "r", Activity.Call, Sample.Now.AddDays(-random.Next(0, 200)))).ToList();
        var busy = accounts.Where(_ => random.Next(6) == 0).Select(a => new ContactKey(a.ReferenceId, "c0")).ToHashSet();
        var prospect = Sample.Prospect(Pick(random, Industries), random.Next(1, 100_000), Pick(random, Countries),
            (Seniority)random.Next(5), (Persona)random.Next(3), random.Next(3) == 0 ? null : Pick(random, Words));
        var topics = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, Words)).ToList();
        var policy = new WorkflowPolicy();
        var take = random.Next(1, 8);

        var fromList = Matcher.Rank(prospect, Activity.Call, topics, accounts, UsageIndex.Build(usage, Sample.Now), busy, Sample.Now, policy, take);
        var fromIndex = Matcher.Rank(prospect, Activity.Call, topics, DirectoryIndex.Build(accounts), UsageIndex.Build(usage, Sample.Now), busy, Sample.Now, policy, take);

        Assert.Equal(fromList, fromIndex);
    }

    [Fact]
    public void IndexFindsEveryContactByKey()
    {
        var index = DirectoryIndex.Build([Sample.Account("a", contacts: [Sample.Contact("x"), Sample.Contact("y")]), Sample.Account("b")]);

        Assert.Equal(3, index.Count);
        Assert.Equal(new ContactKey("a", "y"), index.KeyAt(1));
        Assert.Equal(new ContactKey("b", "marie"), index.KeyAt(2));
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static ReferenceAccount Account(Random random, int a) =>
        Sample.Account($"acc{a}", Pick(random, Industries), random.Next(1, 200_000), Pick(random, Countries),
            (AccountStatus)random.Next(4), null,
            [.. Enumerable.Range(0, random.Next(1, 4)).Select(c => Sample.Contact($"c{c}", (Seniority)random.Next(5), (Persona)random.Next(3),
                cap: random.Next(3) == 0 ? null : random.Next(1, 3),
                pausedUntil: random.Next(8) == 0 ? new DateOnly(2027, 1, 1) : null,
                consentExpires: random.Next(8) == 0 ? new DateOnly(2026, 1, 1) : new DateOnly(2027, 6, 30),
                activities: random.Next(5) == 0 ? [Activity.Quote] : [Activity.Call],
                topics: [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, Words))],
                languages: [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, Words))]))]);
}
