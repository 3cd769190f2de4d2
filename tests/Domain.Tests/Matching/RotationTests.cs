using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Matching;

public sealed class RotationTests
{
    [Fact]
    public void LeastRecentlyUsedComesFirstAmongEquals()
    {
        var accounts = new[] { Sample.Account("a", contacts: [Sample.Contact(cap: 5)]), Sample.Account("b", contacts: [Sample.Contact(cap: 5)]) };
        var usage = new[] { new ContactUsage("a", "marie", "r1", Activity.Call, Sample.Now.AddDays(-20)) };

        var ranked = Matcher.Rank(Sample.Intake(), accounts, usage, new HashSet<ContactKey>(), Sample.Now, new WorkflowPolicy());

        Assert.Equal(["b", "a"], ranked.Select(c => c.ReferenceId));
        Assert.Contains("Last used 20 days ago; 1 of 5 this quarter", ranked[1].Reasons);
    }

    [Fact]
    public void RotationSpreadsCallsAmongNearEquals()
    {
        // Five near-equal peers with generous caps: a program taking the top match every few days should not wear out one of them.
        var accounts = Enumerable.Range(0, 5)
            .Select(i => Sample.Account($"peer{i}", employees: 9000 + (i * 400), contacts: [Sample.Contact(cap: 10)]))
            .ToList();
        var usage = new List<ContactUsage>();
        var now = Sample.Now;
        for (var call = 0; call < 20; call++)
        {
            var best = Matcher.Rank(Sample.Intake(), accounts, usage, new HashSet<ContactKey>(), now, new WorkflowPolicy()).First();
            usage.Add(new ContactUsage(best.ReferenceId, best.ContactId, $"r{call}", Activity.Call, now));
            now = now.AddDays(3);
        }

        var perPeer = usage.GroupBy(u => u.ReferenceId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, perPeer.Count);
        Assert.All(perPeer.Values, calls => Assert.InRange(calls, 3, 5));
    }

    [Fact]
    public void ClearlyBetterMatchStillWinsOverAFresherWeakOne()
    {
        var accounts = new[]
        {
            Sample.Account("peer", contacts: [Sample.Contact(cap: 5)]),
            Sample.Account("far", industry: "Retail", employees: 40, country: "US", contacts: [Sample.Contact(seniority: Seniority.IC, persona: Persona.Technical)]),
        };
        var usage = new[] { new ContactUsage("peer", "marie", "r1", Activity.Call, Sample.Now.AddDays(-5)) };

        var ranked = Matcher.Rank(Sample.Intake(), accounts, usage, new HashSet<ContactKey>(), Sample.Now, new WorkflowPolicy());

        Assert.Equal("peer", ranked[0].ReferenceId);
    }
}
