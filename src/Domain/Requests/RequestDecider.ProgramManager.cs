using ReferenceFlow.Domain.Readiness;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// What the program manager does from a request's page besides deciding for the owner: ask the next candidate, give more time.
public sealed partial class RequestDecider
{
    /// <summary>
    /// Stops waiting on the owner asked at the command's step and moves on, as a decline would, without putting words in
    /// the owner's mouth. A step that already moved on is refused: the page showed an ask that is no longer open.
    /// </summary>
    private void AskNext(Run run, AskNextCandidate c)
    {
        var s = run.State;
        ArgumentException.ThrowIfNullOrWhiteSpace(c.ByEmail);
        if (s.Status != RequestStatus.AwaitingOwnerApproval || s.Step is null || s.Step != c.Step)
        {
            throw new DomainException(s.Status == RequestStatus.AwaitingOwnerApproval
                ? "That owner's ask is no longer open: the request has already moved on."
                : $"No owner is being asked: the request is {s.Status.WordsInSentence()}.");
        }

        run.Emit(new CandidateSkipped(c.Step, c.ByEmail, c.Reason, c.At));
        MoveOn(run, c.At);
    }

    /// <summary>
    /// A later need-by date, while the call is still to be arranged (asking an owner, the reference, or a slot). The rushed
    /// flag follows the new date as the readiness gate reads it; the timers already running keep their times.
    /// </summary>
    private void Extend(Run run, ExtendNeededBy c)
    {
        var s = run.State;
        ArgumentException.ThrowIfNullOrWhiteSpace(c.ByEmail);
        if (!s.Status.IsBeforeTheCall())
        {
            throw new DomainException($"The need-by date can change only until the call is arranged; the request is {s.Status.WordsInSentence()}.");
        }

        var current = s.Intake!.NeededBy;
        if (c.NeededBy <= current)
        {
            throw new DomainException($"The new date must be later than the current one, {Messages.TimeWords.Date(current)}.");
        }

        var verdict = ReadinessGate.Assess(s.Intake with { NeededBy = c.NeededBy }, c.At, Policy);
        var rushed = verdict.Outcome == ReadinessOutcome.Rushed ? verdict.Summary : null;
        run.Emit(new NeededByExtended(current, c.NeededBy, c.ByEmail, rushed, s.Rushed, c.At));
    }
}
