using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

public sealed class ProgramMetricsTests
{
    [Theory]
    [InlineData(new int[0], null, null)]
    [InlineData(new[] { 5 }, 5.0, 5.0)]
    [InlineData(new[] { 1, 3 }, 2.0, 3.0)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5.5, 9.0)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6.0, 10.0)]
    public void TheMedianAveragesTheMiddlePairAndP90IsTheNearestRank(int[] sorted, double? median, double? p90)
    {
        Assert.Equal(median, ProgramMetrics.Median(sorted));
        Assert.Equal(p90, ProgramMetrics.Percentile(sorted, 90));
    }

    [Fact]
    public void AWinRateNeedsAClosedDeal()
    {
        Assert.Null(ProgramMetrics.Rate(0, 0));
        Assert.Equal(0.25, ProgramMetrics.Rate(1, 4));
    }

    [Fact]
    public void WeeksStartOnMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), ProgramMetrics.WeekStart(new DateOnly(2026, 11, 18)));
        Assert.Equal(new DateOnly(2026, 11, 16), ProgramMetrics.WeekStart(new DateOnly(2026, 11, 22)));
        Assert.Equal(new DateOnly(2026, 11, 23), ProgramMetrics.WeekStart(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void ARequestThatMovesOnTakesItsOldContributionOut()
    {
        var days = new Dictionary<DateOnly, ProgramTally>();
        ProgramTally Day(DateOnly d) => days.TryGetValue(d, out var t) ? t : days[d] = new ProgramTally();
        var facts = RequestFacts.None;
        RequestFacts? before = null;
        foreach (var e in Scenario.Closed())
        {
            before = facts;
            facts = facts.Fold(e, new References.ContactKey("acc0", "c0"));
        }

        facts = facts with { Status = RequestStatus.Closed };
        var open = before! with { Status = RequestStatus.Completed };
        open.AddTo(Day, 1);
        open.AddTo(Day, -1);
        Assert.All(days.Values, d => Assert.True(d.IsEmpty));

        facts.AddTo(Day, 1);
        var figures = ProgramMetrics.Of(days.Select(d => (d.Key, d.Value)), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(1, figures.Submitted);
        Assert.Equal(1, figures.ByStanding[RequestStanding.CallHeld]);
        Assert.Equal((1, 1, 0), (figures.CallsHeld, figures.Outcomes.WonAfterCall, figures.Outcomes.LostAfterCall));
        Assert.Equal(Sample.Intake().Opportunity.AmountUsd, figures.Outcomes.InfluencedRevenueUsd);
        // Introduced 2.1 h after submission.
        Assert.Equal(2.1, figures.Fulfil.MedianHours);
    }

    [Fact]
    public void ReasonsAreGroupedWithTheirSpacesTidiedAndCut()
    {
        Assert.Equal("too busy", Answers.Reason("  too \n busy "));
        Assert.Null(Answers.Reason("   "));
        Assert.Equal(Answers.ReasonLength + 1, Answers.Reason(new string('x', 500))!.Length);
    }
}
