using ReferenceFlow.Domain.Health.Capacity;
using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

/// <summary>The capacity forecast: demand at the trend against the calls left, week by week, and the day it runs out.</summary>
public sealed class CapacityForecastTests
{
    private static readonly DateOnly Today = new(2027, 1, 4); // a Monday, the first week of a quarter
    private static readonly WorkflowPolicy Policy = new();
    private const string Migration = "Topic|migration";

    /// <summary>Day tallies with <paramref name="perWeek"/> requests asking for <paramref name="key"/> in each of the last weeks.</summary>
    private static List<(DateOnly, ProgramTally)> Weekly(string key, params int[] perWeek)
    {
        var days = new List<(DateOnly, ProgramTally)>();
        for (var w = 0; w < perWeek.Length; w++)
        {
            var tally = new ProgramTally();
            if (perWeek[w] > 0) tally.Demand[key] = perWeek[w];
            days.Add((Today.AddDays(-7 * (perWeek.Length - w)), tally));
        }
        return days;
    }

    private static ReferenceAccount Directory(int contacts, int cap, DateOnly? pausedUntil = null, DateOnly? consentExpires = null) =>
        Sample.Account("acc", contacts: [.. Enumerable.Range(0, contacts).Select(i =>
            Sample.Contact($"c{i}", cap: cap, topics: ["Migration"], pausedUntil: pausedUntil, consentExpires: consentExpires ?? new DateOnly(2030, 1, 1)))]);

    private static CapacityRow Forecast(List<(DateOnly, ProgramTally)> days, params ReferenceAccount[] accounts) =>
        CapacityForecast.Of(days, accounts, UsageIndex.Empty, Today, Policy).Single(r => r.Dimension == CapacityDimension.Topic);

    [Fact]
    public void SteadyDemandRunsDryTheDayItsCallsAreUsedUp()
    {
        // 2 a week against 3 contacts × 4 calls: 12 calls last six weeks.
        var row = Forecast(Weekly(Migration, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), Directory(3, 4));

        Assert.Equal(new CapacityRow(CapacityDimension.Topic, "Migration", 26, 0, 12, Today.AddDays(42)), row);
    }

    [Fact]
    public void DemandFallsOnAValuesContactsAsFarAsTheyTookItsCallsBefore()
    {
        // Two a week asked for France; of the calls held, half were taken by a German contact: one a week falls on France.
        var days = Weekly("Country|FR", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        foreach (var (_, tally) in days)
        {
            tally.CallsPerContact["acc/c0"] = 1;
            tally.CallsPerContact["de/d0"] = 1;
        }
        var germany = Sample.Account("de", country: "DE", contacts: [Sample.Contact("d0", cap: 4, topics: ["Migration"])]);

        var france = CapacityForecast.Of(days, [Directory(3, 4), germany], UsageIndex.Empty, Today, Policy).Single(r => r.Value == "FR");

        Assert.Equal((26, Today.AddDays(84)), (france.DemandPerQuarter, france.RunsDryOn));
    }

    [Fact]
    public void DemandAValueCannotMeetFallsOnTheOtherValuesOfItsDimension()
    {
        // France: 2 a week against 2 calls, dry after a week. Germany: 1 a week against 14, enough for the quarter alone;
        // from the second week France's 2 fall on it too: 12 left at 3 a week last four weeks.
        var days = Weekly("Country|FR", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        foreach (var (_, tally) in days) tally.Demand["Country|DE"] = 1;
        var france = Sample.Account("fr", contacts: [Sample.Contact("f0", cap: 2)]);
        var germany = Sample.Account("de", country: "DE", contacts: [Sample.Contact("d0", cap: 14)]);

        var rows = CapacityForecast.Of(days, [france, germany], UsageIndex.Empty, Today, Policy);

        Assert.Equal(Today.AddDays(7), rows.Single(r => r.Value == "FR").RunsDryOn);
        Assert.Equal(Today.AddDays(42), rows.Single(r => r.Value == "DE").RunsDryOn);
    }

    [Fact]
    public void CallsRunOutARequestsWayToItsIntroductionAfterTheDemandComesUnlessNoneAreLeft()
    {
        var days = Weekly(Migration, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        foreach (var (_, tally) in days) tally.FulfilMinutes.AddRange([2 * 24 * 60, 3 * 24 * 60, 5 * 24 * 60]); // a median of 3 days

        Assert.Equal(Today.AddDays(42 + 3), Forecast(days, Directory(3, 4)).RunsDryOn);
        Assert.Equal(Today, Forecast(days, Directory(3, 5, pausedUntil: Today.AddDays(70))).RunsDryOn);
    }

    [Fact]
    public void RequestsWaitingNowAreServedFirst()
    {
        var days = Weekly(Migration, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        days[^1].Item2.Waiting[Migration] = 5;

        // 12 − 5 = 7 left: three weeks of 2, then 1 call for half a week.
        Assert.Equal(Today.AddDays(24), Forecast(days, Directory(3, 4)).RunsDryOn);
        Assert.Equal(5, Forecast(days, Directory(3, 4)).OpenRequests);
    }

    [Fact]
    public void ARisingTrendRunsDrySoonerThanItsAverage()
    {
        var rising = Forecast(Weekly(Migration, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4), Directory(4, 5));
        var flat = Forecast(Weekly(Migration, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), Directory(4, 5));

        Assert.True(rising.RunsDryOn < flat.RunsDryOn, $"{rising.RunsDryOn} against {flat.RunsDryOn}");
        Assert.True(rising.DemandPerQuarter > 2 * 13, rising.DemandPerQuarter.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DemandAQuartersCapsMeetStaysWetAndEachQuarterStartsAfresh()
    {
        // 1 a week: 13 a quarter against 3 × 5 = 15 calls each quarter.
        Assert.Null(Forecast(Weekly(Migration, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), Directory(3, 5)).RunsDryOn);
    }

    [Fact]
    public void PausedContactsGiveNothingUntilTheyAreBackAndNothingAfterTheirConsentEnds()
    {
        var days = Weekly(Migration, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

        var paused = Forecast(days, Directory(3, 5, pausedUntil: Today.AddDays(70)));
        var leaving = Forecast(days, Directory(3, 5, consentExpires: Today.AddDays(20)));

        Assert.Equal((0, Today), (paused.CallsLeftThisQuarter, paused.RunsDryOn));
        Assert.Equal((15, Today.AddDays(21)), (leaving.CallsLeftThisQuarter, leaving.RunsDryOn));
    }

    [Fact]
    public void AYoungProgramsTrendIsItsWeeksSoFarAndDemandNobodyOffersIsDryToday()
    {
        var young = Forecast(Weekly(Migration, 3, 3), Directory(1, 100));
        var unmet = CapacityForecast.Of(Weekly("Industry|Mining", 1, 1), [Directory(1, 5)], UsageIndex.Empty, Today, Policy).Single();

        Assert.Equal(39, young.DemandPerQuarter);
        Assert.Equal((CapacityDimension.Industry, "Mining", 0, Today), (unmet.Dimension, unmet.Value, unmet.CallsLeftThisQuarter, unmet.RunsDryOn));
    }

    [Fact]
    public void ARequestCountsAsDemandWhenSubmittedAndAsWaitingUntilItsIntroduction()
    {
        var submitted = new RequestSubmitted("r1", Sample.Intake(), "rep@x", "pm@x", [], Sample.Now, Policy);
        var asking = new RequestFacts().Fold(submitted, null) with { Status = RequestStatus.AwaitingOwnerApproval };
        var deferred = asking with { Status = RequestStatus.Deferred };
        var introduced = asking with { Status = RequestStatus.Introduced, IntroducedAt = Sample.Now.AddDays(2) };

        Assert.Equal(["Topic|migration", "Topic|implementation", "Industry|Healthcare", "Country|FR", "Product|Analytics Cloud"], asking.Needs);
        Assert.Equal((5, 5), Tallied(asking));
        Assert.Equal((0, 0), Tallied(deferred));
        Assert.Equal((5, 0), Tallied(introduced));
    }

    private static (int Demand, int Waiting) Tallied(RequestFacts facts)
    {
        var tally = new ProgramTally();
        facts.AddTo(_ => tally, 1);
        return (tally.Demand.Count, tally.Waiting.Count);
    }
}
