using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// Asking several candidates at once when time is short (decision 041): the first whose owner approves and who consents is
// introduced; the others hear they are no longer needed.
public sealed partial class RequestDecider
{
    /// <summary>
    /// How many candidates to have asked at once from <paramref name="at"/>: several when the program manager said so, or
    /// when the need-by date leaves no room to ask one after another (the owner's ask would have to be shortened to fit).
    /// </summary>
    private int AsksAtOnce(RequestState s, DateTimeOffset at) =>
        ParallelLimit > 1 && (s.AsksInParallel || AskTimers.ForOwner(at, s.Intake!.NeededBy, Policy).Squeezed) ? ParallelLimit : 1;

    /// <summary>The policy's number of asks at once, within 1 and <see cref="ParallelAsk.Most"/>.</summary>
    private int ParallelLimit => Math.Clamp(Policy.ParallelAsks, 1, ParallelAsk.Most);

    /// <summary>Asks <paramref name="chosen"/> (each held for this request): the ones after the first beside it, then the first as the current one.</summary>
    private void AskOwners(Run run, IReadOnlyList<ParallelChoice> chosen, DateTimeOffset at)
    {
        // The asks beside come first so the current one's email already knows it is not the only ask.
        foreach (var other in chosen.Skip(1))
        {
            AskAlongside(run, other.Index, at, other.Standing);
        }
        AskOwner(run, chosen[0].Index, at, chosen[0].Standing);
    }

    private void AskAlongside(Run run, int index, DateTimeOffset at, StandingApproval? standing)
    {
        if (standing is not null)
        {
            run.Emit(new StandingApprovalUsed(index, standing, at, Parallel: true));
            AskReferenceAlongside(run, index, at);
            return;
        }

        var n = run.NextSequence;
        var timeout = AskTimers.ForOwner(at, run.State.Intake!.NeededBy, Policy).TimeoutAt;
        run.Emit(new OwnerApprovalRequested(index, $"owner:{n}", [new TimerDue($"owner-timeout:{n}", TimerKinds.OwnerApprovalTimeout, timeout)], timeout, at,
            Parallel: true));
    }

    private void AskReferenceAlongside(Run run, int index, DateTimeOffset at)
    {
        var contact = run.State.Candidates[index].Contact;
        var n = run.NextSequence;
        var timeout = AskTimers.ConsentTimeout(at, run.State.Intake!.NeededBy, contact.TimeZone, contact.WorkingHours, Policy);
        run.Emit(new ReferenceConsentRequested(
            $"consent:{n}", [new TimerDue($"consent-timeout:{n}", TimerKinds.ReferenceConsentTimeout, timeout)], timeout, at, index));
    }

    /// <summary>An answer to a parallel ask's step: a yes from the owner asks the reference; the reference's yes makes them the
    /// current candidate and releases everyone else asked; a no ends this ask only.</summary>
    private void ParallelOwnerAnswer(Run run, DecideAsOwner c, ParallelAsk ask)
    {
        var owner = run.State.Candidates[ask.CandidateIndex].Account.OwnerEmail;
        var decision = Decision(c.Approve, Messages.ActionNames.Approve);
        if (!SameEmail(c.ActorEmail, owner) && !SameEmail(c.ActorEmail, run.State.ProgramManagerEmail) && !c.AsProgramManager)
        {
            Late(run, Messages.ActionNames.OwnerApproval, c.Step, c.ActorEmail, decision, "only the account owner or the program manager can decide", c.At);
            return;
        }

        var onBehalfOf = SameEmail(c.ActorEmail, owner) ? null : owner;
        if (!c.Approve)
        {
            run.Emit(new OwnerDeclined(c.Step, c.ActorEmail, c.Reason, c.At, onBehalfOf));
            return;
        }

        run.Emit(new OwnerApproved(c.Step, c.ActorEmail, c.Reason, c.At, onBehalfOf));
        AskReferenceAlongside(run, ask.CandidateIndex, c.At);
    }

    private void ParallelReferenceAnswer(Run run, DecideAsReference c, ParallelAsk ask)
    {
        var contact = run.State.Candidates[ask.CandidateIndex].Contact;
        var decision = Decision(c.Accept, Messages.ActionNames.Accept);
        if (!SameEmail(c.ActorEmail, contact.Email))
        {
            Late(run, Messages.ActionNames.ReferenceConsent, c.Step, c.ActorEmail, decision, "only the reference asked can answer", c.At);
            return;
        }

        if (!c.Accept)
        {
            run.Emit(new ReferenceDeclined(c.Step, c.ActorEmail, c.Reason, c.At));
            return;
        }

        ReleaseAllBut(run, ask.CandidateIndex, AskRelease.AnotherAgreed, c.At);
        run.Emit(new ParallelAskLeads(ask.CandidateIndex, c.At));
        run.Emit(new ReferenceAccepted(c.Step, c.ActorEmail, c.At));
        StartSlotSearch(run, c.At);
    }

    /// <summary>Lets go of every open ask but the one of candidate <paramref name="keep"/>, the current one's included.</summary>
    private static void ReleaseAllBut(Run run, int keep, AskRelease why, DateTimeOffset at)
    {
        var s = run.State;
        List<ReleasedAsk> released = [.. s.ParallelAsks.Where(a => a.CandidateIndex != keep).Select(a => new ReleasedAsk(a.CandidateIndex, a.OwnerApproved))];
        if (s.Step is not null && s.CheckingFrom is null && s.CurrentIndex != keep && s.Status is RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent)
        {
            released.Add(new ReleasedAsk(s.CurrentIndex, s.OwnerApproved));
        }
        if (released.Count > 0) run.Emit(new AsksReleased(released, why, at));
    }

    /// <summary>Lets go of the asks beside the current one: the request ends, or the current candidate consented first.</summary>
    private static void ReleaseParallelAsks(Run run, AskRelease why, DateTimeOffset at)
    {
        var open = run.State.ParallelAsks;
        if (open.Count > 0) run.Emit(new AsksReleased([.. open.Select(a => new ReleasedAsk(a.CandidateIndex, a.OwnerApproved))], why, at));
    }

    /// <summary>Nobody more can be asked: the ask furthest along (a reference asked before an owner) becomes the current one.</summary>
    private static bool ParallelAskTakesOver(Run run, DateTimeOffset at)
    {
        if (run.State.ParallelAsks.OrderByDescending(a => a.OwnerApproved).ThenBy(a => a.CandidateIndex).FirstOrDefault() is not { } next) return false;
        run.Emit(new ParallelAskLeads(next.CandidateIndex, at));
        return true;
    }

    private static void ParallelAskTimedOut(Run run, ParallelAsk ask, TimerElapsed c)
    {
        var timer = ask.Timers.First(t => t.TimerId == c.Timer.TimerId);
        if (c.At < timer.DueAt || ask.Step is not { } step) return;
        run.Emit(ask.OwnerApproved ? new ReferenceConsentTimedOut(step, c.At) : new OwnerApprovalTimedOut(step, c.At));
    }

    /// <summary>
    /// From now on the request asks several at once. While an ask is open it stays open, beside the ones a candidate check
    /// will hold and ask now; later it applies when the request moves on.
    /// </summary>
    private void TurnOnParallel(Run run, AskInParallel c)
    {
        var s = run.State;
        ArgumentException.ThrowIfNullOrWhiteSpace(c.ByEmail);
        if (s.Status is not (RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent) || !s.IsOpen)
        {
            throw new DomainException($"Asking several references at once is for a request still looking for one; this one is {s.Status.WordsInSentence()}.");
        }
        if (ParallelLimit < 2)
        {
            throw new DomainException("The program's policy asks one reference at a time (ParallelAsks is 1).");
        }
        if (s.AsksInParallel) return; // turned on already: nothing new

        // With an ask open and room for more, the current ask steps aside (it stays open, beside the others) while a
        // check holds the next candidates; otherwise the next move asks several.
        var more = ParallelLimit - 1 - s.ParallelAsks.Count;
        var askNow = s.CheckingFrom is null && s.Step is not null && more > 0;
        run.Emit(new ParallelAsksTurnedOn(c.ByEmail, c.At, askNow));
        if (askNow) CheckCandidates(run, s.FurthestAsked + 1, c.At, more);
    }
}
