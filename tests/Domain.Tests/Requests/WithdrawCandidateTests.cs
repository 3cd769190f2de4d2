using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>A contact who leaves the program or pauses while asked is let go, and the request moves on.</summary>
public sealed class WithdrawCandidateTests : DeciderSpec
{
    [Fact]
    public void WhileTheOwnerIsAskedTheOwnerHearsThereIsNothingToApproveAndTheNextCandidateIsAsked()
    {
        Given(AwaitingOwnerApproval());
        var leaving = State.Current!;

        var events = WhenMovedOn(new WithdrawCandidate(leaving.Key, "left the reference program", T(20)), chosen: 1);

        ThenTypes(events, typeof(CandidateUnavailable), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        var withdrawn = After([events[0]]);
        var note = Decider.Effects(events[0], withdrawn).OfType<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.Withdrawn, leaving.Account.OwnerEmail), (note.Kind, note.To.Single().Email));
        Assert.Empty(After([events[0], events[1]]).HeldContacts);
        Assert.Equal(1, After(events).CurrentIndex);
    }

    [Fact]
    public void WhileTheReferenceIsAskedTheirConsentStepEndsWithoutAnEmailToThem()
    {
        Given(AwaitingReferenceConsent());
        var step = State.Step;

        var events = When(new WithdrawCandidate(State.Current!.Key, "paused until Mon 1 Feb 2027", T(20)));

        ThenTypes(events, typeof(CandidateUnavailable), typeof(CandidateCheckRequested));
        Assert.Empty(Decider.Effects(events[0], After([events[0]])).OfType<SendEmail>());
        // Their old consent link is now a late answer that changes nothing.
        var state = After(events);
        var late = Decider.Decide(new DecideAsReference(step!, state.Current!.Contact.Email, true, null, T(21)), state);
        Assert.IsType<LateAnswerRecorded>(Assert.Single(late));
    }

    [Fact]
    public void AnotherContactOrARequestPastTheAskingIsLeftAsItIs()
    {
        Given(AwaitingOwnerApproval());
        var other = State.Candidates[1].Key;
        Assert.Empty(When(new WithdrawCandidate(other, "left the reference program", T(20))));

        Given(Introduced());
        Assert.Empty(When(new WithdrawCandidate(State.Current!.Key, "left the reference program", T(20))));
    }
}
