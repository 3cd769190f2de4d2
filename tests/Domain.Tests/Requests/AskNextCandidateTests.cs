using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>The program manager stops waiting on a silent owner: the owner hears there is nothing left to approve, the next is asked.</summary>
public sealed class AskNextCandidateTests : DeciderSpec
{
    [Fact]
    public void TheOwnerAskedHearsItIsOffAndTheNextCandidatesOwnerIsAsked()
    {
        Given(AwaitingOwnerApproval());
        var skipped = State.Current!;

        var events = WhenMovedOn(new AskNextCandidate(State.Step!, Pm, "the deal cannot wait", T(5)), chosen: 1);

        ThenTypes(events, typeof(CandidateSkipped), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        Assert.Equal(new CandidateSkipped("owner:1", Pm, "the deal cannot wait", T(5)), events[0]);
        var note = Decider.Effects(events[0], After([events[0]])).OfType<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.Withdrawn, skipped.Account.OwnerEmail), (note.Kind, note.To.Single().Email));
        Assert.Contains("the deal cannot wait", string.Join(" ", note.Paragraphs), StringComparison.Ordinal);
        Assert.Equal(1, After(events).CurrentIndex);
        Assert.Equal($"{StaffNames.Of(Pm)} asked the next candidate instead of waiting on the owner: the deal cannot wait", RequestEventText.Describe(events[0]));
    }

    [Fact]
    public void TheSkippedOwnersLinkIsThenALateAnswerThatChangesNothing()
    {
        Given(AwaitingOwnerApproval());
        var owner = State.Current!.Account.OwnerEmail;
        var events = When(new AskNextCandidate("owner:1", Pm, null, T(5)));

        var late = Decider.Decide(new DecideAsOwner("owner:1", owner, true, null, T(6)), After(events));

        Assert.IsType<LateAnswerRecorded>(Assert.Single(late));
    }

    [Fact]
    public void AnAskThatAlreadyMovedOnOrARequestPastTheOwnerIsRefused()
    {
        Given(AwaitingOwnerApproval());
        ThenRefused(new AskNextCandidate("owner:0", Pm, null, T(5)), "already moved on");

        Given(AwaitingReferenceConsent());
        ThenRefused(new AskNextCandidate("owner:1", Pm, null, T(5)), "No owner is being asked");
    }
}
