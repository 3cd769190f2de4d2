using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class SubmitDebriefTests : DeciderSpec
{
    private static SubmitDebrief Happened(double at, string by = Rep) => new(true, true, "pricing", "OtherCo says we lack SSO", "good call", by, T(at));

    private static SubmitDebrief Missed(double at) => new(false, false, null, null, "prospect did not show", Rep, T(at));

    [Fact]
    public void CallThatHappenedThanksTheReferenceAndCreditsTheUse()
    {
        Given(AwaitingDebrief());

        var events = When(Happened(30));

        ThenTypes(events, typeof(DebriefSubmitted), typeof(CallCompleted));
        var state = After(events);
        Assert.Equal(RequestStatus.Completed, state.Status);
        Assert.Equal("OtherCo says we lack SSO", state.Debrief!.Landmines);
        var effects = Decider.Effects(events[1], state);
        Assert.Equal(EmailKind.ThankYou, effects.OfType<SendEmail>().Single().Email.Kind);
        var usage = effects.OfType<RecordUsage>().Single();
        Assert.Equal((state.Current!.ReferenceId, state.Current.ContactId, Id, "Call", Slot.Start, 0m), (usage.ReferenceId, usage.ContactId, usage.RequestId, usage.Activity, usage.At, usage.InfluencedRevenueUsd));
        // The outcome nudge waits for the close date (2027-01-15) plus a week.
        Assert.Equal(new DateTimeOffset(2027, 1, 22, 0, 0, 0, TimeSpan.Zero), effects.OfType<StartTimer>().Single().Timer.DueAt);
        Assert.Equal(Rep, state.WaitingOn);
    }

    [Fact]
    public void TheThanksCarryTheGiftIntoTheHistoryTheEmailAndTheThanksRecord()
    {
        Given(AwaitingDebrief());
        var gift = new Gift(GiftKind.WhitePaper, "Analyst report on data platforms");

        var events = When(Happened(30) with { Gift = gift });

        var completed = Assert.IsType<CallCompleted>(events[1]);
        Assert.Equal(gift, completed.Gift);
        Assert.Equal("Reference thanked with a white paper (Analyst report on data platforms); the call is credited", RequestEventText.Describe(completed));
        var state = After(events);
        var effects = Decider.Effects(completed, state);
        Assert.Contains("offer you a white paper (Analyst report on data platforms)", string.Join(" ", effects.OfType<SendEmail>().Single().Email.Paragraphs), StringComparison.Ordinal);
        Assert.Equal(new RecordThanks(state.Current!.ReferenceId, state.Current.ContactId, Id, T(30), gift), effects.OfType<RecordThanks>().Single());
    }

    [Fact]
    public void ThanksWithoutAGiftAreStillRecordedAndSaidPlainly()
    {
        Given(AwaitingDebrief());

        var events = When(Happened(30));

        Assert.Null(Assert.IsType<CallCompleted>(events[1]).Gift);
        Assert.Equal("Reference thanked; the call is credited", RequestEventText.Describe(events[1]));
        Assert.Null(Decider.Effects(events[1], After(events)).OfType<RecordThanks>().Single().Gift);
    }

    [Fact]
    public void RepMayDebriefRightAfterTheCallBeforeBeingAsked()
    {
        Given(Introduced());

        ThenTypes(When(Happened(27)), typeof(DebriefSubmitted), typeof(CallCompleted));
    }

    [Fact]
    public void CallThatDidNotHappenGoesBackToScheduling()
    {
        Given(AwaitingDebrief());

        var events = When(Missed(30));

        ThenTypes(events, typeof(DebriefSubmitted), typeof(SlotSearchStarted));
        var state = After(events);
        Assert.Equal(RequestStatus.Scheduling, state.Status);
        Assert.Null(state.Slot);
        Assert.Equal(0, state.CurrentIndex);
    }

    [Fact]
    public void SecondMissedCallMovesToTheNextCandidate()
    {
        var history = Then(AwaitingDebrief(), _ => Missed(30));
        history = Then(history, _ => new ProposeSlot(new(T(50), T(50.5), true), T(31)));
        history = Then(history, s => new TimerElapsed(s.PendingTimers.Single(), T(53)));
        Given(history);

        var events = WhenMovedOn(Missed(54), chosen: 1);

        ThenTypes(events, typeof(DebriefSubmitted), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        Assert.Equal(1, After(events).CurrentIndex);
    }

    [Fact]
    public void DebriefBeforeAnIntroductionIsRefused()
    {
        Given(LookingForSlot());

        ThenRefused(Happened(30), "no call to debrief");
    }

    [Fact]
    public void ADebriefBeforeTheProposedSlotIsWelcomeBecauseTheSlotIsASuggestion()
    {
        Given(Introduced());

        var events = When(Happened(10));

        ThenTypes(events, typeof(DebriefSubmitted), typeof(CallCompleted));
        var state = After(events);
        Assert.Equal(RequestStatus.Completed, state.Status);
        // The debrief request that waited for the slot is gone; only the outcome nudge remains.
        Assert.Equal([TimerKinds.OutcomeNudge], state.PendingTimers.Select(t => t.Kind));
        // The call is credited when it happened (by the debrief), not at the later slot: caps count the right quarter.
        Assert.Equal(T(10), Decider.Effects(events[1], state).OfType<RecordUsage>().Single().At);
    }

    [Fact]
    public void ACallCalledOffBeforeTheSlotGoesBackToSchedulingAfterThatSlot()
    {
        Given(Introduced());

        var events = When(Missed(10));

        ThenTypes(events, typeof(DebriefSubmitted), typeof(SlotSearchStarted));
        // The proposed time is still free in the reference's calendar: the new one is looked for after it.
        Assert.Equal(Slot.End, ((SlotSearchStarted)events[1]).Request.WindowStart);
    }

    [Fact]
    public void ANewTimeForAMissedCallMovesTheSameCalendarEvent()
    {
        Given(Introduced());
        var first = State.InvitationUid;
        Given(Then(Introduced(), _ => Missed(10)));

        var events = When(new ProposeSlot(new(T(50), T(50.5), true), T(11)));

        var proposed = Assert.IsType<SlotProposed>(Assert.Single(events));
        var introduction = Decider.Effects(proposed, After(events)).OfType<SendEmail>().Single().Email;
        Assert.Equal((first, 1), (introduction.Invitation!.Uid, introduction.Invitation.Sequence));
        Assert.StartsWith("The call did not take place at the time first proposed", introduction.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void DebriefFromAStrangerIsRefused()
    {
        Given(AwaitingDebrief());

        ThenRefused(Happened(30, "stranger@else.example"), "Only the requester");
    }

    [Fact]
    public void SecondDebriefIsRecordedWithoutASecondTransition()
    {
        Given(Completed());

        var events = When(Happened(31));

        Assert.IsType<LateAnswerRecorded>(Assert.Single(events));
        Assert.Equal(RequestStatus.Completed, After(events).Status);
    }

    [Fact]
    public void DebriefOnACancelledRequestIsRefused()
    {
        Given(Cancelled());

        ThenRefused(Happened(30), "cancelled");
    }
}
