using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

public sealed class CoverageTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Sample.Now.UtcDateTime);

    private static ReferenceAccount Account(string id, string industry = "Healthcare", string country = "FR",
        AccountStatus status = AccountStatus.Active, string[]? products = null, params ReferenceContact[] contacts) =>
        Sample.Account(id, industry: industry, country: country, status: status, contacts: contacts) with { Products = products ?? ["Analytics Cloud"] };

    private static int? Gap(IReadOnlyList<CoverageGap> gaps, CoverageDimension dimension, string value) =>
        gaps.SingleOrDefault(g => g.Dimension == dimension && string.Equals(g.Value, value, StringComparison.OrdinalIgnoreCase))?.ActiveReferences;

    [Fact]
    public void ValuesWithFewerThanTwoActiveConsentedReferencesAreGaps()
    {
        var gaps = Coverage.Gaps(
        [
            Account("a", "Healthcare", "FR", products: ["Analytics Cloud", "Forecasting"]),
            Account("b", "Healthcare", "DE"),
            Account("c", "Retail", "FR"),
        ], Today);

        Assert.Null(Gap(gaps, CoverageDimension.Industry, "Healthcare"));
        Assert.Equal(1, Gap(gaps, CoverageDimension.Industry, "Retail"));
        Assert.Equal(1, Gap(gaps, CoverageDimension.Country, "DE"));
        Assert.Null(Gap(gaps, CoverageDimension.Country, "FR"));
        Assert.Equal(1, Gap(gaps, CoverageDimension.Product, "Forecasting"));
        Assert.Null(Gap(gaps, CoverageDimension.Product, "Analytics Cloud"));
        Assert.Null(Gap(gaps, CoverageDimension.Topic, "migration"));
    }

    [Fact]
    public void RetiredPausedExpiredAndPausedContactsDoNotCountButTheirValuesStillShow()
    {
        var gaps = Coverage.Gaps(
        [
            Account("retired", "Mining", status: AccountStatus.Retired),
            Account("paused", "Energy", status: AccountStatus.Paused),
            Account("caution", "Energy", status: AccountStatus.Caution),
            Account("expired", "Energy", contacts: Sample.Contact(consentExpires: Today.AddDays(-1))),
            Account("resting", "Energy", contacts: Sample.Contact(pausedUntil: Today.AddDays(30))),
            Account("ok", "Energy", contacts: Sample.Contact(consentExpires: Today)),
        ], Today);

        Assert.Equal(0, Gap(gaps, CoverageDimension.Industry, "Mining"));
        Assert.Equal(1, Gap(gaps, CoverageDimension.Industry, "Energy"));
        Assert.Equal(0, gaps[0].ActiveReferences);
    }

    [Fact]
    public void ATopicCountsOnlyThroughAContactWhoCanBeAskedAndEachAccountOnce()
    {
        var gaps = Coverage.Gaps(
        [
            Account("a", contacts: [Sample.Contact("x", topics: ["ROI"]), Sample.Contact("y", topics: ["roi", "security"], consentExpires: Today.AddDays(-1))]),
            Account("b", contacts: Sample.Contact("z", topics: ["Security"])),
        ], Today);

        Assert.Equal(1, Gap(gaps, CoverageDimension.Topic, "ROI"));
        Assert.Equal(1, Gap(gaps, CoverageDimension.Topic, "security"));
        Assert.Single(gaps, g => g.Dimension == CoverageDimension.Topic && g.Value.Equals("roi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void GapsComeThinnestFirst()
    {
        var gaps = Coverage.Gaps([Account("a", "Retail", "DE"), Account("r", "Mining", "JP", AccountStatus.Retired)], Today);

        Assert.Equal(gaps.OrderBy(g => g.ActiveReferences).ToList(), gaps);
        Assert.Equal(0, gaps[0].ActiveReferences);
    }
}
