using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Domain.Requests;

// Human answers: always accepted; one that comes late, twice or from someone else is recorded without a transition,
// except the very answer that decided the step arriving again (a link posted twice): that is no news at all.
public sealed partial class RequestDecider
{
    private void OwnerAnswer(Run run, DecideAsOwner c)
    {
        var s = run.State;
        var decision = Decision(c.Approve, ActionNames.Approve);
        if (s.IsOpen && s.ParallelAskAt(c.Step) is { OwnerApproved: false } parallel)
        {
            ParallelOwnerAnswer(run, c, parallel);
            return;
        }

        if (s.Status != RequestStatus.AwaitingOwnerApproval || c.Step != s.Step)
        {
            var note = s.Status == RequestStatus.AwaitingOwnerApproval ? "this approval step was superseded" : $"the request is already {s.Status.WordsInSentence()}";
            if (!s.Answers.Contains(Answer(c.Step, decision, c.ActorEmail))) Late(run, ActionNames.OwnerApproval, c.Step, c.ActorEmail, decision, note, c.At);
            return;
        }

        var owner = s.Current!.Account.OwnerEmail;
        if (!SameEmail(c.ActorEmail, owner) && !SameEmail(c.ActorEmail, s.ProgramManagerEmail) && !c.AsProgramManager)
        {
            Late(run, ActionNames.OwnerApproval, c.Step, c.ActorEmail, decision, "only the account owner or the program manager can decide", c.At);
            return;
        }

        // The timeline says when the program manager decided for the owner.
        var onBehalfOf = SameEmail(c.ActorEmail, owner) ? null : owner;
        if (c.Approve)
        {
            run.Emit(new OwnerApproved(c.Step, c.ActorEmail, c.Reason, c.At, onBehalfOf));
            AskReference(run, c.At);
            return;
        }

        run.Emit(new OwnerDeclined(c.Step, c.ActorEmail, c.Reason, c.At, onBehalfOf));
        MoveOn(run, c.At);
    }

    /// <summary>Only the step that asks about this contact right now ends; the owner, if asked, hears there is nothing to approve.</summary>
    private void Withdraw(Run run, WithdrawCandidate c)
    {
        var s = run.State;
        if (s.IsOpen && s.ParallelAsks.FirstOrDefault(a => s.Candidates[a.CandidateIndex].Key == c.Contact) is { } parallel)
        {
            run.Emit(new AsksReleased([new ReleasedAsk(parallel.CandidateIndex, parallel.OwnerApproved)], AskRelease.RequestEnded, c.At));
            return;
        }

        if (s.Status is not (RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent) || s.Step is null || s.Current?.Key != c.Contact)
        {
            return;
        }

        run.Emit(new CandidateUnavailable(s.Step, s.Status, c.Reason, c.At));
        MoveOn(run, c.At);
    }

    private void ReferenceAnswer(Run run, DecideAsReference c)
    {
        var s = run.State;
        var decision = Decision(c.Accept, ActionNames.Accept);
        if (s.IsOpen && s.ParallelAskAt(c.Step) is { OwnerApproved: true } parallel)
        {
            ParallelReferenceAnswer(run, c, parallel);
            return;
        }

        if (s.Status != RequestStatus.AwaitingReferenceConsent || c.Step != s.Step)
        {
            var note = s.Status == RequestStatus.AwaitingReferenceConsent ? "this consent step was superseded" : $"the request is already {s.Status.WordsInSentence()}";
            if (!s.Answers.Contains(Answer(c.Step, decision, c.ActorEmail))) Late(run, ActionNames.ReferenceConsent, c.Step, c.ActorEmail, decision, note, c.At);
            return;
        }

        if (!SameEmail(c.ActorEmail, s.Current!.Contact.Email))
        {
            Late(run, ActionNames.ReferenceConsent, c.Step, c.ActorEmail, decision, "only the reference asked can answer", c.At);
            return;
        }

        if (c.Accept)
        {
            run.Emit(new ReferenceAccepted(c.Step, c.ActorEmail, c.At));
            ReleaseParallelAsks(run, AskRelease.AnotherAgreed, c.At);
            StartSlotSearch(run, c.At);
            return;
        }

        run.Emit(new ReferenceDeclined(c.Step, c.ActorEmail, c.Reason, c.At));
        MoveOn(run, c.At);
    }
}
