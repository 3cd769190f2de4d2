using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// The steps that several commands lead to: ask an owner, ask a reference, look for a slot.
public sealed partial class RequestDecider
{
    /// <summary>The owner's timers fit the time the request has left (<see cref="AskTimers"/>); with no time to wait for them,
    /// the program manager hears as they are asked. With the owner's <paramref name="standing"/> approval the reference is
    /// asked at once instead.</summary>
    private void AskOwner(Run run, int index, DateTimeOffset at, StandingApproval? standing)
    {
        if (standing is not null)
        {
            run.Emit(new StandingApprovalUsed(index, standing, at));
            AskReference(run, at);
            return;
        }

        var n = run.NextSequence;
        var times = AskTimers.ForOwner(at, run.State.Intake!.NeededBy, Policy);
        List<TimerDue> timers = [];
        if (times.RemindAt is { } remind) timers.Add(new($"owner-reminder:{n}", TimerKinds.OwnerReminder, remind));
        if (times.EscalateAt is { } escalate) timers.Add(new($"owner-escalation:{n}", TimerKinds.OwnerEscalation, escalate));
        timers.Add(new($"owner-timeout:{n}", TimerKinds.OwnerApprovalTimeout, times.TimeoutAt));
        run.Emit(new OwnerApprovalRequested(index, $"owner:{n}", timers, times.TimeoutAt, at));
        if (times.EscalateNow)
        {
            run.Emit(new OwnerEscalated(run.State.Step!, at, NoTimeToWait: true));
        }
    }

    /// <summary>
    /// To the next candidate. The later candidates are checked first (busy, cap, pause and consent may have changed since
    /// they were ranked) and <see cref="Choose"/> asks the owner of the first free one, or of a fresh match when none is;
    /// when asking several at once, as many as make up the number again beside the asks still open.
    /// </summary>
    private void MoveOn(Run run, DateTimeOffset at)
    {
        var s = run.State;
        CheckCandidates(run, s.FurthestAsked + 1, at, Math.Max(1, AsksAtOnce(s, at) - s.ParallelAsks.Count));
    }

    /// <summary>Past the end of the list too: the check then looks for a fresh match. Its retry timer runs it again if no answer comes.</summary>
    private void CheckCandidates(Run run, int from, DateTimeOffset at, int wanted = 1) =>
        run.Emit(new CandidateCheckRequested(from, new TimerDue($"check-retry:{run.NextSequence}", TimerKinds.CandidateCheckRetry, at + Policy.CandidateCheckRetryAfter), at,
            wanted));

    private void Choose(Run run, ChooseCandidate c)
    {
        var s = run.State;
        if (s.CheckingFrom is not { } from)
        {
            return; // a repeated answer to a check already settled, or a request that was cancelled meanwhile
        }

        List<ParallelChoice> chosen = [];
        if (c.Index is { } index && index >= from && index < s.Candidates.Count)
        {
            chosen.Add(new ParallelChoice(index, c.Standing));
        }
        else
        {
            var listed = s.Candidates.Select(k => k.Key).ToHashSet();
            var fresh = (c.Fresh ?? []).Where(f => listed.Add(f.Key)).ToList();
            if (fresh.Count > 0)
            {
                run.Emit(new CandidatesAdded(fresh, c.At));
                chosen.Add(new ParallelChoice(s.Candidates.Count, fresh[0].Standing));
            }
        }

        if (chosen.Count > 0)
        {
            // The others the check held when it wanted several: each at most once, never one already asked.
            var count = run.State.Candidates.Count;
            var wanted = s.CheckingWanted;
            foreach (var also in c.Also ?? [])
            {
                if (chosen.Count < wanted && also.Index >= from && also.Index < count && chosen.All(k => k.Index != also.Index)) chosen.Add(also);
            }
            AskOwners(run, chosen, c.At);
            return;
        }

        if (ParallelAskTakesOver(run, c.At))
        {
            return; // nobody else is free: the asks still open carry on
        }

        run.Emit(new RequestUnfulfilled(
            "Every candidate declined, did not answer or is not free now (busy with another request, at their cap, paused), "
            + "and no other reference in the directory fits.", c.At));
    }

    private void AskReference(Run run, DateTimeOffset at)
    {
        var contact = run.State.Current!.Contact;
        var n = run.NextSequence;
        var timeout = AskTimers.ConsentTimeout(at, run.State.Intake!.NeededBy, contact.TimeZone, contact.WorkingHours, Policy);
        run.Emit(new ReferenceConsentRequested(
            $"consent:{n}", [new TimerDue($"consent-timeout:{n}", TimerKinds.ReferenceConsentTimeout, timeout)], timeout, at));
    }

    /// <summary>Looks for a slot from <paramref name="at"/>, or from <paramref name="notBefore"/> when that is later.</summary>
    private void StartSlotSearch(Run run, DateTimeOffset at, DateTimeOffset? notBefore = null)
    {
        var s = run.State;
        var contact = s.Current!.Contact;
        var n = run.NextSequence;
        var from = notBefore is { } later && later > at ? later : at;
        var request = new SlotRequest(contact.Email, contact.TimeZone, contact.WorkingHours, s.Intake!.Prospect.TimeZone,
            WorkingHours.Default, from, from + Policy.SlotWindow, Policy.CallDuration);
        var retry = new TimerDue($"slot-retry:{n}", TimerKinds.SlotSearchRetry, at + Policy.SlotSearchRetryAfter);
        run.Emit(new SlotSearchStarted(s.SlotAttempts + 1, request, retry, at));
    }

    private static void Late(Run run, string action, string step, string actor, string decision, string note, DateTimeOffset at) =>
        run.Emit(new LateAnswerRecorded(action, step, actor, decision, note, at));

    private static bool SameEmail(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Decision(bool yes, string yesWord) => yes ? yesWord : ActionNames.Decline;

    /// <summary>An answer as the state remembers it: the same step, decision and person again is a repeat.</summary>
    private static string Answer(string step, string decision, string actorEmail) => $"{step} {decision} {actorEmail.Trim().ToUpperInvariant()}";
}
