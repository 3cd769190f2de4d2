using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class DebriefInsightTests : DeciderSpec
{
    [Fact]
    public void ADebriefWithAConcernOrALandminePassesItOnWithTheDealAndTheAccountButNoContact()
    {
        Given(AwaitingDebrief());

        var events = When(new SubmitDebrief(true, false, "  pricing after year one ", "OtherCo says we lack SSO", "good call", Rep, T(30)));

        var state = After([events[0]]);
        var insight = Assert.Single(Decider.Effects(events[0], state).OfType<RecordInsight>()).Insight;
        Assert.Equal((Id, T(30), "pricing after year one", "OtherCo says we lack SSO", true, false),
            (insight.RequestId, insight.At, insight.Concerns, insight.Landmines, insight.Happened, insight.MetNeeds));
        Assert.Equal(state.Intake!.Topics, insight.Topics);
        Assert.Equal((state.Intake.Prospect.Competitor, state.Intake.Prospect.Industry), (insight.Competitor, insight.Industry));
        var called = state.Current!;
        Assert.Equal(new InsightReference(called.ReferenceId, called.Account.Name, called.Account.Industry, called.Account.Employees), insight.Reference);
        Assert.Equal(Rep, insight.RequesterEmail);
        Assert.Equal(state.Candidates.Select(c => c.Account.OwnerEmail).Distinct(), insight.OwnerEmails);
        Assert.DoesNotContain(called.Contact.Email, insight.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(called.Contact.Name, insight.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACallThatDidNotHappenStillPassesOnWhatItLearned()
    {
        Given(AwaitingDebrief());

        var events = When(new SubmitDebrief(false, false, null, "OtherCo called the prospect first", null, Rep, T(30)));

        var insight = Assert.Single(Decider.Effects(events[0], After([events[0]])).OfType<RecordInsight>()).Insight;
        Assert.Equal((false, null, "OtherCo called the prospect first"), (insight.Happened, insight.Concerns, insight.Landmines));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "\n")]
    public void ADebriefWithNeitherConcernNorLandmineTeachesNothingToPassOn(string? concerns, string? landmines)
    {
        Given(AwaitingDebrief());

        var events = When(new SubmitDebrief(true, true, concerns, landmines, "great call", Rep, T(30)));

        Assert.Empty(Decider.Effects(events[0], After([events[0]])).OfType<RecordInsight>());
    }

    [Theory]
    [InlineData(99, "under 100 employees")]
    [InlineData(12_000, "10,000 to 49,999 employees")]
    [InlineData(80_000, "50,000 employees or more")]
    public void ACompanysSizeIsABandNotANumber(int employees, string words) => Assert.Equal(words, CompanySize.Band(employees));
}
