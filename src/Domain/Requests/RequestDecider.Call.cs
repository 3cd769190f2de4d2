using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// From the slot to the closed loop: introduction, debrief, thanks, outcome.
public sealed partial class RequestDecider
{
    public const int MaxMissedCallsPerCandidate = 2;

    private void Propose(Run run, ProposeSlot c)
    {
        ArgumentNullException.ThrowIfNull(c.Slot);
        if (c.Slot.End <= c.Slot.Start)
        {
            throw new ArgumentException("A slot must end after it starts.", nameof(c));
        }

        // A repeated or late calendar answer changes nothing: the introduction went out already.
        if (run.State.Status != RequestStatus.Scheduling)
        {
            return;
        }

        var n = run.NextSequence;
        var due = new TimerDue($"debrief-due:{n}", TimerKinds.DebriefDue, c.Slot.End + Policy.DebriefAfterCall);
        // A new time for a missed call moves the same calendar event (same UID, next sequence) rather than adding one.
        run.Emit(new SlotProposed(c.Slot, run.State.InvitationUid ?? $"{run.State.RequestId}-{n}@referenceflow", due, c.At));
    }

    private void Debrief(Run run, SubmitDebrief c)
    {
        var s = run.State;
        var said = c.Happened ? "happened" : "did not happen";
        switch (s.Status)
        {
            case RequestStatus.Completed or RequestStatus.Closed:
                Late(run, "debrief", "debrief", c.ByEmail, said, "a debrief was already recorded", c.At);
                return;
            // The proposed slot is a suggestion: the two may have met earlier, so a debrief is welcome any time after the
            // introduction. Only the debrief request and its reminders wait for the slot.
            case RequestStatus.Introduced or RequestStatus.AwaitingDebrief:
                break;
            default:
                throw new DomainException($"There is no call to debrief: the request is {s.Status.WordsInSentence()}.");
        }

        if (!SameEmail(c.ByEmail, s.RequesterEmail) && !SameEmail(c.ByEmail, s.ProgramManagerEmail) && !SameEmail(c.ByEmail, s.Current!.Contact.Email))
        {
            throw new DomainException("Only the requester, the program manager or the reference can debrief this call.");
        }

        run.Emit(new DebriefSubmitted(c.Happened, c.MetNeeds, c.Concerns, c.Landmines, c.Notes, c.ByEmail, c.At));
        if (c.Happened)
        {
            var closeDate = new DateTimeOffset(s.Intake!.Opportunity.CloseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var nudgeAt = closeDate + Policy.OutcomeNudgeAfterClose;
            if (nudgeAt <= c.At)
            {
                nudgeAt = c.At + Policy.OutcomeNudgeAfterClose;
            }

            run.Emit(new CallCompleted(new TimerDue($"outcome-nudge:{run.NextSequence}", TimerKinds.OutcomeNudge, nudgeAt), c.At, c.Gift));
            if (s.Outcome is { } decided)
            {
                CloseTheLoop(run, decided, c.At); // the deal closed before the call; now it is behind us
            }
        }
        else if (s.Outcome is { } decided)
        {
            run.Emit(new AskWithdrawn(decided, s.Status, c.At)); // no new call for a deal that is already decided
        }
        else if (run.State.MissedCalls < MaxMissedCallsPerCandidate)
        {
            // Told before the proposed time that the call will not happen: that time is still free in the calendar,
            // so the new one is looked for after it.
            StartSlotSearch(run, c.At, notBefore: s.Slot?.End);
        }
        else
        {
            MoveOn(run, c.At);
        }
    }

    /// <summary>
    /// The CRM decides when a deal closes, whatever the request is doing: after the call the loop closes now; with a
    /// call still ahead it closes after the debrief; with an ask open the ask is withdrawn; otherwise it is only kept.
    /// </summary>
    private static void Outcome(Run run, RecordOutcome c)
    {
        if (!Enum.IsDefined(c.Outcome))
        {
            throw new ArgumentException($"The outcome must be {DealOutcomes.Choices}, not '{c.Outcome}'.", nameof(c));
        }

        var outcome = c.Outcome;
        var s = run.State;
        if (s.Outcome is { } recorded)
        {
            // The CRM retries its webhook: the same outcome again is no news. Another one does not undo the first (decision
            // 024); it is kept without an author, since the CRM, not the rep, sent it.
            if (recorded != outcome)
            {
                Late(run, "outcome", "outcome", "", outcome.ToString(), $"the deal was already recorded as {recorded.ToString().ToLowerInvariant()}", c.At);
            }
            return;
        }

        ReleaseParallelAsks(run, AskRelease.RequestEnded, c.At);
        if (s.CheckingFrom is not null)
        {
            run.Emit(new AskWithdrawn(outcome, s.Status, c.At, NobodyAsked: true)); // between candidates: nobody to tell
            return;
        }

        switch (s.Status)
        {
            case RequestStatus.Completed:
                CloseTheLoop(run, outcome, c.At);
                return;
            case RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent or RequestStatus.Scheduling:
                run.Emit(new AskWithdrawn(outcome, s.Status, c.At));
                return;
            default:
                // A call still ahead (Introduced, AwaitingDebrief), or an end state where nobody is asked.
                run.Emit(new OutcomeReceived(outcome, c.At));
                return;
        }
    }

    private static void CloseTheLoop(Run run, DealOutcome outcome, DateTimeOffset at) =>
        run.Emit(new OutcomeRecorded(outcome, outcome == DealOutcome.Won ? run.State.Intake!.Opportunity.AmountUsd : 0m, at));

    private void Elapse(Run run, TimerElapsed c)
    {
        var s = run.State;
        if (s.ParallelAsks.FirstOrDefault(a => a.Timers.Any(t => t.TimerId == c.Timer.TimerId)) is { } parallel)
        {
            ParallelAskTimedOut(run, parallel, c);
            return;
        }

        var pending = s.PendingTimers.FirstOrDefault(t => t.TimerId == c.Timer.TimerId);
        if (pending is null || c.At < pending.DueAt)
        {
            return; // a timer the state no longer expects, or one that arrived early
        }

        var n = run.NextSequence;
        switch (pending.Kind)
        {
            case TimerKinds.OwnerReminder: run.Emit(new OwnerReminded(s.Step!, c.At)); break;
            case TimerKinds.OwnerEscalation: run.Emit(new OwnerEscalated(s.Step!, c.At)); break;
            case TimerKinds.OwnerApprovalTimeout:
                run.Emit(new OwnerApprovalTimedOut(s.Step!, c.At));
                MoveOn(run, c.At);
                break;
            case TimerKinds.ReferenceConsentTimeout:
                run.Emit(new ReferenceConsentTimedOut(s.Step!, c.At));
                MoveOn(run, c.At);
                break;
            case TimerKinds.SlotSearchRetry: StartSlotSearch(run, c.At); break;
            case TimerKinds.CandidateCheckRetry when s.CheckingFrom is { } from: CheckCandidates(run, from, c.At); break;
            case TimerKinds.DebriefDue:
                run.Emit(new DebriefRequested(new TimerDue($"debrief-reminder:{n}", TimerKinds.DebriefReminder, c.At + Policy.DebriefReminderAfter), c.At));
                break;
            case TimerKinds.DebriefReminder:
                run.Emit(new DebriefReminded(s.DebriefReminders + 1, new TimerDue($"debrief-reminder:{n}", TimerKinds.DebriefReminder, c.At + Policy.DebriefReminderAfter), c.At));
                break;
            case TimerKinds.OutcomeNudge:
                run.Emit(new OutcomeNudged(s.OutcomeNudges + 1, new TimerDue($"outcome-nudge:{n}", TimerKinds.OutcomeNudge, c.At + Policy.OutcomeNudgeAfterClose), c.At));
                break;
            default:
                return;
        }
    }
}
