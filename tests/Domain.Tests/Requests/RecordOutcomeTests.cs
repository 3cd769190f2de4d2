using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class RecordOutcomeTests : DeciderSpec
{
    [Fact]
    public void WonClosesTheLoopAndCreditsInfluencedRevenue()
    {
        Given(Completed());

        var events = When(new RecordOutcome("won", T(40)));

        var recorded = Assert.IsType<OutcomeRecorded>(Assert.Single(events));
        Assert.Equal(("Won", 250_000m), (recorded.Outcome, recorded.InfluencedRevenueUsd));
        var state = After(events);
        Assert.Equal(RequestStatus.Closed, state.Status);
        Assert.Empty(state.PendingTimers);
        var effects = Decider.Effects(recorded, state);
        var mail = effects.OfType<SendEmail>().Single().Email;
        Assert.Equal(EmailKind.LoopClosed, mail.Kind);
        Assert.Equal(state.Current!.Contact.Email, mail.To.Single().Email);
        Assert.Equal(250_000m, effects.OfType<RecordUsage>().Single().InfluencedRevenueUsd);
    }

    [Fact]
    public void LostClosesTheLoopWithoutRevenue()
    {
        Given(Completed());

        var events = When(new RecordOutcome("Lost", T(40)));

        Assert.Equal(0m, Decider.Effects(events[0], After(events)).OfType<RecordUsage>().Single().InfluencedRevenueUsd);
    }

    [Fact]
    public void RepeatedOutcomeIsRecordedWithoutASecondTransition()
    {
        Given(Closed());

        Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new RecordOutcome("Won", T(41)))));
    }

    [Fact]
    public void OutcomeOnACancelledRequestIsRefused()
    {
        Given(Cancelled());

        ThenRefused(new RecordOutcome("Won", T(40)), "cancelled");
    }

    [Fact]
    public void OutcomeBeforeTheDebriefIsRefused()
    {
        Given(Introduced());

        ThenRefused(new RecordOutcome("Won", T(40)), "once the call is debriefed");
    }

    [Fact]
    public void UnknownOutcomeIsABadInput()
    {
        Given(Completed());

        Assert.Throws<ArgumentException>(() => When(new RecordOutcome("Maybe", T(40))));
    }
}
