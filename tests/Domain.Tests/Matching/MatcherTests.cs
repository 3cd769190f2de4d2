using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Matching;

public sealed class MatcherTests
{
    private static readonly WorkflowPolicy Policy = new();
    private static readonly HashSet<ContactKey> NobodyBusy = [];

    private static IReadOnlyList<Candidate> Rank(
        IReadOnlyList<ReferenceAccount> accounts, IEnumerable<ContactUsage>? usage = null, IReadOnlySet<ContactKey>? busy = null,
        ReferenceFlow.Domain.Requests.ProspectProfile? prospect = null, int take = 5) =>
        Matcher.Rank(Sample.Intake(prospect), accounts, usage ?? [], busy ?? NobodyBusy, Sample.Now, Policy, take);

    [Fact]
    public void SameRegionBeatsAnotherRegion()
    {
        var ranked = Rank([Sample.Account("us", country: "US"), Sample.Account("de", country: "DE")]);

        Assert.Equal(["de", "us"], ranked.Select(c => c.ReferenceId));
        Assert.Contains("Same region (Europe): DE, the prospect is in FR", ranked[0].Reasons);
        Assert.Contains(ranked[1].Reasons, r => r.StartsWith("Another region: US", StringComparison.Ordinal));
    }

    [Fact]
    public void SameCountryBeatsSameRegion()
    {
        var ranked = Rank([Sample.Account("de", country: "DE"), Sample.Account("fr", country: "FR")]);

        Assert.Equal("fr", ranked[0].ReferenceId);
        Assert.Contains("Same country (FR)", ranked[0].Reasons);
    }

    [Fact]
    public void VpIsMatchedWithVp()
    {
        var ranked = Rank([Sample.Account("acme", contacts: [
            Sample.Contact("ic", seniority: Seniority.IC),
            Sample.Contact("vp", seniority: Seniority.VP),
            Sample.Contact("dir", seniority: Seniority.Director)])]);

        Assert.Equal(["vp", "dir", "ic"], ranked.Select(c => c.ContactId));
        Assert.Contains("Same seniority (VP to VP)", ranked[0].Reasons);
        Assert.Contains("Seniority gap: IC, the prospect is VP", ranked[2].Reasons);
    }

    [Fact]
    public void BusinessBuyerIsMatchedWithBusinessReference()
    {
        var ranked = Rank([Sample.Account("acme", contacts: [
            Sample.Contact("admin", persona: Persona.Technical),
            Sample.Contact("biz", persona: Persona.Business)])]);

        Assert.Equal("biz", ranked[0].ContactId);
        Assert.Contains("Different persona: Technical, the prospect is Business", ranked[1].Reasons);
    }

    [Fact]
    public void ScaleMatters()
    {
        var ranked = Rank([Sample.Account("tiny", employees: 50), Sample.Account("peer", employees: 8000), Sample.Account("huge", employees: 300_000)]);

        Assert.Equal("peer", ranked[0].ReferenceId);
        Assert.StartsWith("Different scale: 50 employees", ranked.Single(c => c.ReferenceId == "tiny").Reasons.Single(r => r.Contains("scale", StringComparison.Ordinal)));
    }

    [Fact]
    public void ScoresStayBetweenZeroAndOne()
    {
        var worst = Sample.Account("worst", industry: "Retail", employees: 5, country: "JP", contacts: [
            Sample.Contact("x", seniority: Seniority.IC, persona: Persona.Technical, topics: ["ROI"], languages: ["ja"])]);
        var ranked = Rank([worst, Sample.Account("best", employees: 9000)]);

        // The mismatch still shares products, use case and competitor, and was never used.

        Assert.All(ranked, c => Assert.InRange(c.Score, 0, 1));
        Assert.Equal(1.0, ranked[0].Score);
        Assert.True(ranked[1].Score < 0.4, $"the mismatch scored {ranked[1].Score}");
    }

    [Fact]
    public void ReasonsNameWhatMatchedAndWhatDidNot()
    {
        var account = Sample.Account("mixed", industry: "Retail", contacts: [Sample.Contact(topics: ["migration", "ROI"], languages: ["en"])]);

        var reasons = Rank([account]).Single().Reasons;

        Assert.Contains("Different industry: Retail, the prospect is in Healthcare", reasons);
        Assert.Contains("Can speak to migration; not implementation", reasons);
        Assert.Contains("Does not speak fr (speaks en)", reasons);
        Assert.Contains("Migrated from LegacyBI, the competitor in this deal", reasons);
        Assert.Contains("Same use case (claims analytics)", reasons);
        Assert.Contains("Never used before: rotation favours them", reasons);
    }

    [Fact]
    public void CandidateCarriesTheSnapshotTheWorkflowNeeds()
    {
        var candidate = Rank([Sample.Account("acme")]).Single();

        Assert.Equal("owner-acme@vendor.example", candidate.Account.OwnerEmail);
        Assert.Equal("marie@customer.example", candidate.Contact.Email);
        Assert.Equal("Europe/Paris", candidate.Contact.TimeZone);
        Assert.Equal(["LegacyBI"], candidate.Account.MigratedFrom);
    }

    [Fact]
    public void TakeLimitsTheListToTheBest()
    {
        var accounts = Enumerable.Range(0, 30).Select(i => Sample.Account($"a{i}", employees: 100 + (i * 500))).ToList();

        var ranked = Rank(accounts, take: 3);

        Assert.Equal(3, ranked.Count);
        Assert.True(ranked[0].Score >= ranked[1].Score && ranked[1].Score >= ranked[2].Score);
        var all = Rank(accounts, take: 30);
        Assert.Equal(all.Take(3).Select(c => c.ReferenceId), ranked.Select(c => c.ReferenceId));
    }
}
