using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class DecideAsOwnerTests : DeciderSpec
{
    private string Owner => State.Current!.Account.OwnerEmail;

    [Fact]
    public void ApprovalAsksTheReferenceForConsent()
    {
        Given(AwaitingOwnerApproval());

        var events = When(new DecideAsOwner("owner:1", Owner, true, null, T(1)));

        ThenTypes(events, typeof(OwnerApproved), typeof(ReferenceConsentRequested));
        var state = After(events);
        Assert.Equal(RequestStatus.AwaitingReferenceConsent, state.Status);
        Assert.True(state.OwnerApproved);
        Assert.Equal("consent:2", state.Step);
        var effects = Decider.Effects(events[1], state);
        var mail = effects.OfType<SendEmail>().Single().Email;
        Assert.Equal(EmailKind.ReferenceConsent, mail.Kind);
        Assert.Equal(state.Current!.Contact.Email, mail.To.Single().Email);
        Assert.Equal(new[] { ActionNames.Accept, ActionNames.Decline }, mail.Action!.Decisions);
        Assert.Equal("consent-timeout:2", effects.OfType<StartTimer>().Single().Timer.TimerId);
    }

    [Fact]
    public void DeclineMovesToTheNextCandidate()
    {
        Given(AwaitingOwnerApproval());

        var events = WhenMovedOn(new DecideAsOwner("owner:1", Owner, false, "renewal talks", T(1)), chosen: 1);

        ThenTypes(events, typeof(OwnerDeclined), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        var state = After(events);
        Assert.Equal(1, state.CurrentIndex);
        // Step and timer ids count on from the check's own step, so none ever repeats.
        Assert.Equal("owner:3", state.Step);
        Assert.Equal(["owner-reminder:3", "owner-escalation:3", "owner-timeout:3"], state.PendingTimers.Select(t => t.TimerId));
    }

    [Fact]
    public void MovingOnHoldsNobodyUntilTheCheckNamesTheNextCandidate()
    {
        Given(AwaitingOwnerApproval());

        var events = When(new DecideAsOwner("owner:1", Owner, false, null, T(1)));

        ThenTypes(events, typeof(OwnerDeclined), typeof(CandidateCheckRequested));
        var checking = After(events);
        Assert.Empty(checking.HeldContacts);
        Assert.Null(checking.WaitingOn);
        Assert.Equal([TimerKinds.CandidateCheckRetry], checking.PendingTimers.Select(t => t.Kind));
        var check = Decider.Effects(events[1], checking).OfType<CheckCandidates>().Single().Check;
        Assert.Equal((1, checking.Candidates[1].Key), (check.FromIndex, check.Remaining.Single()));
        // A late answer for the old step changes nothing meanwhile.
        Assert.IsType<LateAnswerRecorded>(Assert.Single(Decider.Decide(new DecideAsOwner("owner:1", Owner, true, null, T(1.1)), checking)));
    }

    [Fact]
    public void WhenTheCheckFindsNobodyFreeTheRequestIsUnfulfilledWithTheReason()
    {
        Given(AwaitingOwnerApproval());

        var events = WhenMovedOn(new DecideAsOwner("owner:1", Owner, false, null, T(1)), chosen: null);

        ThenTypes(events, typeof(OwnerDeclined), typeof(CandidateCheckRequested), typeof(RequestUnfulfilled));
        Assert.Contains("not free now (busy with another request, at their cap", After(events).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ACheckThatNeverAnswersIsRunAgainWhenItsRetryTimerFires()
    {
        Given(AwaitingOwnerApproval());
        var checking = After(When(new DecideAsOwner("owner:1", Owner, false, null, T(1))));
        var retry = checking.PendingTimers.Single();

        var again = Decider.Decide(new TimerElapsed(retry, retry.DueAt), checking);

        var repeated = Assert.IsType<CandidateCheckRequested>(Assert.Single(again));
        Assert.Equal(1, repeated.FromIndex);
        Assert.NotEqual(retry.TimerId, repeated.Retry.TimerId);
    }

    [Fact]
    public void AnOutcomeBetweenCandidatesClosesTheRequestTellingNobodyAndTheCheckAnswerIsIgnored()
    {
        Given(AwaitingOwnerApproval());
        var checking = After(When(new DecideAsOwner("owner:1", Owner, false, null, T(1))));

        var closed = Decider.Decide(new RecordOutcome(DealOutcome.Won, T(1.1)), checking);

        var withdrawn = Assert.IsType<AskWithdrawn>(Assert.Single(closed));
        var state = closed.Aggregate(checking, Decider.Evolve);
        Assert.Equal((RequestStatus.Closed, false), (state.Status, state.NeedsAttention));
        Assert.Empty(Decider.Effects(withdrawn, state));
        Assert.Empty(Decider.Decide(new ChooseCandidate(1, T(1.2)), state));
    }

    [Fact]
    public void ARepeatedCheckAnswerChangesNothing()
    {
        Given(Then(AwaitingOwnerApproval(), s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, false, null, T(1))));

        Assert.Equal(1, State.CurrentIndex);
        Assert.Empty(When(new ChooseCandidate(1, T(1.2))));
    }

    [Fact]
    public void OnlyTheCurrentCandidateIsReserved()
    {
        Given(AwaitingOwnerApproval());

        Assert.Equal([State.Candidates[0].Key], State.HeldContacts);
    }

    [Fact]
    public void DeclineOfTheLastCandidateWithNoFreshMatchLeavesTheRequestUnfulfilled()
    {
        Given(Then(AwaitingOwnerApproval(), s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, false, null, T(1))));

        var events = WhenMovedOn(new DecideAsOwner(State.Step!, State.Current!.Account.OwnerEmail, false, null, T(2)), chosen: null);

        ThenTypes(events, typeof(OwnerDeclined), typeof(CandidateCheckRequested), typeof(RequestUnfulfilled));
        Assert.Equal(RequestStatus.Unfulfilled, After(events).Status);
    }

    [Fact]
    public void WhenNobodyListedIsFreeAFreshMatchIsAddedAndItsFirstOwnerAsked()
    {
        Given(AwaitingOwnerApproval());
        var events = When(new DecideAsOwner("owner:1", Owner, false, null, T(1)));
        var checking = After(events);
        var fresh = Candidates(4).Skip(2).ToList();

        var chosen = Decider.Decide(new ChooseCandidate(null, T(1), [checking.Candidates[1], .. fresh]), checking);

        ThenTypes(chosen, typeof(CandidatesAdded), typeof(OwnerApprovalRequested));
        var asked = chosen.Aggregate(checking, Decider.Evolve);
        // A candidate already listed is not listed twice.
        Assert.Equal(2 + fresh.Count, asked.Candidates.Count);
        Assert.Equal((2, fresh[0].Key), (asked.CurrentIndex, asked.Current!.Key));
    }

    [Fact]
    public void ProgramManagerMayDecideForTheOwner()
    {
        Given(AwaitingOwnerApproval());

        ThenTypes(When(new DecideAsOwner("owner:1", Pm, true, null, T(1))), typeof(OwnerApproved), typeof(ReferenceConsentRequested));
    }

    [Fact]
    public void AnswerFromSomeoneElseIsRecordedWithoutEffect()
    {
        Given(AwaitingOwnerApproval());

        var events = When(new DecideAsOwner("owner:1", "someone@vendor.example", true, null, T(1)));

        var late = Assert.IsType<LateAnswerRecorded>(Assert.Single(events));
        Assert.Equal("only the account owner or the program manager can decide", late.Note);
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, After(events).Status);
    }

    [Fact]
    public void AnswerToASupersededStepIsRecordedWithoutEffect()
    {
        Given(Then(AwaitingOwnerApproval(), s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, false, null, T(1))));

        var events = When(new DecideAsOwner("owner:1", Owner, true, null, T(2)));

        Assert.Equal("this approval step was superseded", Assert.IsType<LateAnswerRecorded>(Assert.Single(events)).Note);
        Assert.False(After(events).OwnerApproved);
    }

    [Fact]
    public void TheSameApprovalFromTheSamePersonAgainIsNoNewsAndAnyOtherIsRecordedWithoutEffect()
    {
        Given(AwaitingReferenceConsent());
        var owner = State.Candidates[0].Account.OwnerEmail;

        // A link posted twice (a retry after a crash, a double click) brings the answer that decided the step again.
        Assert.Empty(When(new DecideAsOwner("owner:1", owner.ToUpperInvariant(), true, null, T(2))));
        Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new DecideAsOwner("owner:1", "someone@elsewhere.example", true, null, T(2)))));
        var contrary = When(new DecideAsOwner("owner:1", owner, false, null, T(2)));

        Assert.IsType<LateAnswerRecorded>(Assert.Single(contrary));
        Assert.Equal(State with { LateAnswers = 1 }, After(contrary));
    }

    [Fact]
    public void ApprovalOnACancelledRequestIsRecordedWithoutEffect()
    {
        Given(Cancelled());

        var late = Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new DecideAsOwner("owner:1", State.Candidates[0].Account.OwnerEmail, true, null, T(2)))));
        Assert.Equal("the request is already cancelled", late.Note);
    }
}
