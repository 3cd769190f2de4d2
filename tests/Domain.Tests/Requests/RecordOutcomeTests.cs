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

        var events = When(new RecordOutcome(DealOutcome.Won, T(40)));

        var recorded = Assert.IsType<OutcomeRecorded>(Assert.Single(events));
        Assert.Equal((DealOutcome.Won, 250_000m), (recorded.Outcome, recorded.InfluencedRevenueUsd));
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

        var events = When(new RecordOutcome(DealOutcome.Lost, T(40)));

        Assert.Equal(0m, Decider.Effects(events[0], After(events)).OfType<RecordUsage>().Single().InfluencedRevenueUsd);
    }

    [Fact]
    public void TheSameOutcomeAgainAddsNothing()
    {
        Given(Closed());

        Assert.Empty(When(new RecordOutcome(DealOutcome.Won, T(41))));
    }

    [Fact]
    public void AnotherOutcomeAfterTheFirstIsKeptWithoutEffectAndNamesNoAuthor()
    {
        Given(Closed());

        var events = When(new RecordOutcome(DealOutcome.Lost, T(41)));

        var late = Assert.IsType<LateAnswerRecorded>(Assert.Single(events));
        Assert.Equal(DealOutcome.Won, After(events).Outcome);
        var line = RequestEventText.Describe(late);
        Assert.Equal("Answer 'Lost' recorded without effect: the deal was already recorded as won", line);
        Assert.DoesNotContain(Rep, line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnOutcomeWhileTheOwnerIsAskedWithdrawsTheAskWithANoteToTheOwner()
    {
        Given(AwaitingOwnerApproval());

        var events = When(new RecordOutcome(DealOutcome.Won, T(1)));

        var withdrawn = Assert.IsType<AskWithdrawn>(Assert.Single(events));
        var state = After(events);
        Assert.Equal((RequestStatus.Closed, DealOutcome.Won, null), (state.Status, state.Outcome, state.Step));
        Assert.Empty(state.PendingTimers);
        var effects = Decider.Effects(withdrawn, state);
        var mail = effects.OfType<SendEmail>().Single().Email;
        Assert.Equal(EmailKind.Withdrawn, mail.Kind);
        Assert.Equal(state.Current!.Account.OwnerEmail, mail.To.Single().Email);
        Assert.Null(mail.Action);
        // No call was held: nothing is credited.
        Assert.Empty(effects.OfType<RecordUsage>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnOutcomeWhileTheReferenceIsAskedOrBeingScheduledTellsTheReferenceTheCallIsOff(bool consented)
    {
        Given(consented ? LookingForSlot() : AwaitingReferenceConsent());

        var events = When(new RecordOutcome(DealOutcome.Lost, T(2)));

        var withdrawn = Assert.IsType<AskWithdrawn>(Assert.Single(events));
        var state = After(events);
        Assert.Equal(RequestStatus.Closed, state.Status);
        var mail = Decider.Effects(withdrawn, state).OfType<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.Withdrawn, state.Current!.Contact.Email), (mail.Kind, mail.To.Single().Email));
        // A slot found after the deal closed changes nothing.
        Assert.Empty(Decider.Decide(new ProposeSlot(Slot, T(2.5)), state));
    }

    [Fact]
    public void AnOutcomeBeforeTheCallIsKeptAndTheLoopClosesOnceTheCallIsDebriefed()
    {
        Given(Introduced());
        var received = When(new RecordOutcome(DealOutcome.Won, T(10)));

        Assert.IsType<OutcomeReceived>(Assert.Single(received));
        var waiting = After(received);
        Assert.Equal((RequestStatus.Introduced, DealOutcome.Won), (waiting.Status, waiting.Outcome));
        Assert.Empty(Decider.Effects(received[0], waiting));

        var debriefed = Decider.Decide(new SubmitDebrief(true, true, null, null, null, Rep, T(30)), waiting);

        ThenTypes(debriefed, typeof(DebriefSubmitted), typeof(CallCompleted), typeof(OutcomeRecorded));
        var closed = debriefed.Aggregate(waiting, Decider.Evolve);
        Assert.Equal(RequestStatus.Closed, closed.Status);
        var effects = Decider.Effects(debriefed[2], closed);
        Assert.Equal(EmailKind.LoopClosed, effects.OfType<SendEmail>().Single().Email.Kind);
        Assert.Equal(250_000m, effects.OfType<RecordUsage>().Single().InfluencedRevenueUsd);
    }

    [Fact]
    public void AnOutcomeBeforeACallThatThenDidNotHappenWithdrawsInsteadOfRescheduling()
    {
        var waiting = Then(AwaitingDebrief(), _ => new RecordOutcome(DealOutcome.Lost, T(29.5)));
        Given(waiting);

        var events = When(new SubmitDebrief(false, false, null, null, "prospect signed elsewhere", Rep, T(30)));

        ThenTypes(events, typeof(DebriefSubmitted), typeof(AskWithdrawn));
        Assert.Equal(RequestStatus.Closed, After(events).Status);
    }

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Deferred")]
    [InlineData("Unfulfilled")]
    public void AnOutcomeForARequestThatAskedNobodyIsKeptWithoutAnEmail(string state)
    {
        Given(state switch { "Cancelled" => Cancelled(), "Deferred" => Deferred(), _ => Unfulfilled() });
        var before = State;

        var events = When(new RecordOutcome(DealOutcome.Won, T(40)));

        Assert.IsType<OutcomeReceived>(Assert.Single(events));
        var after = After(events);
        Assert.Equal((before.Status, DealOutcome.Won), (after.Status, after.Outcome));
        Assert.Empty(Decider.Effects(events[0], after));
    }

    [Fact]
    public void ASecondOutcomeBeforeTheCallChangesNothing()
    {
        Given(Then(Introduced(), _ => new RecordOutcome(DealOutcome.Won, T(10))));

        Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new RecordOutcome(DealOutcome.Lost, T(11)))));
    }

    [Fact]
    public void UnknownOutcomeIsABadInput()
    {
        Given(Completed());

        Assert.Throws<ArgumentException>(() => When(new RecordOutcome((DealOutcome)7, T(40))));
    }

    [Theory]
    [InlineData("Won", true)]
    [InlineData("Lost", true)]
    [InlineData("won", false)]
    [InlineData("0", false)]
    [InlineData("Maybe", false)]
    [InlineData(null, false)]
    public void AnOutcomeIsReadByItsExactName(string? text, bool known)
    {
        Assert.Equal(known, DealOutcomes.TryParse(text, out var outcome));
        if (known) Assert.Equal(text, outcome.ToString());
    }
}
