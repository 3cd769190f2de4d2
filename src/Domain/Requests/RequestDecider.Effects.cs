using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// What each event asks of the outside world, read from the state right after it.
public sealed partial class RequestDecider
{
    /// <summary>From the third calendar look-up without an answer the program manager hears of it, once.</summary>
    public const int SlotAttemptsBeforeEscalation = 3;

    public IReadOnlyList<Effect> Effects(RequestEvent @event, RequestState after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return @event switch
        {
            RequestDeferred => [Mail(RepEmails.Deferred(after))],
            CandidatesAdded => [],
            CandidateCheckRequested e => [new CheckCandidates(new CandidateCheck(after.Intake!, [.. after.Candidates.Select(c => c.Key)], e.FromIndex, e.At, after.RequestId,
                e.Wanted)), new StartTimer(e.Retry)],
            RequestRushed e => FirstAskEscalatesAtOnce(after, e.At) ? [] : [Mail(EscalationEmails.Rushed(after))],
            OwnerApprovalRequested e => [Mail(OwnerEmails.Approval(after.ForCandidate(e.CandidateIndex), e.Step, e.ExpiresAt)), .. Timers(e.Timers)],
            StandingApprovalUsed e => [Mail(OwnerEmails.StandingApprovalUsed(after.ForCandidate(e.CandidateIndex), e.Rule))],
            OwnerReminded e => [Mail(OwnerEmails.Reminder(after, e.Step, OwnerTimeout(after), Policy.BusinessTimeZone))],
            OwnerEscalated { NoTimeToWait: true } => [Mail(EscalationEmails.NoTimeToWait(after))],
            OwnerEscalated => [Mail(EscalationEmails.OwnerSilent(after))],
            ReferenceConsentRequested e => [Mail(ReferenceEmails.Consent(Asked(after, e.CandidateIndex), e.Step, e.ExpiresAt)), Touch(Asked(after, e.CandidateIndex), e.At),
                .. Timers(e.Timers)],
            // Whoever was asked hears they are no longer needed: the reference if their owner had said yes, else the owner only.
            AsksReleased e => [.. e.Asks.SelectMany(a => a.OwnerApproved
                ? new Effect[] { Mail(ReferenceEmails.Released(after.ForCandidate(a.CandidateIndex), e.Why)), Touch(after.ForCandidate(a.CandidateIndex), e.At) }
                : [Mail(OwnerEmails.Released(after.ForCandidate(a.CandidateIndex), e.Why))])],
            ParallelAskLeads or ParallelAsksTurnedOn => [],
            ReferenceAccepted e => [Mail(BriefingEmails.ForReference(after)), Mail(BriefingEmails.ForProspect(after)), Touch(after, e.At)],
            SlotSearchStarted e => e.Attempt == SlotAttemptsBeforeEscalation
                ? [new FindSlot(e.Request), new StartTimer(e.Retry), Mail(EscalationEmails.SchedulingStalled(after))]
                : [new FindSlot(e.Request), new StartTimer(e.Retry)],
            SlotProposed e => [Mail(IntroductionEmail.Build(after, e.Slot, e.InvitationUid, Policy)), Touch(after, e.At), new StartTimer(e.DebriefDue)],
            DebriefRequested e => [Mail(RepEmails.DebriefRequest(after)), new StartTimer(e.Reminder)],
            DebriefReminded e => [Mail(RepEmails.DebriefReminder(after)), new StartTimer(e.NextReminder)],
            CallCompleted e => [Mail(ReferenceEmails.ThankYou(after, e.Gift)), Usage(after, 0m), Touch(after, e.At), Thanks(after, e),
                new StartTimer(e.OutcomeNudge)],
            OutcomeNudged e => [Mail(RepEmails.OutcomeNudge(after)), new StartTimer(e.NextNudge)],
            OutcomeRecorded e => [Mail(ReferenceEmails.LoopClosed(after, e.Outcome)), Usage(after, e.InfluencedRevenueUsd), Touch(after, e.At)],
            AskWithdrawn { NobodyAsked: true } => [],
            // Whoever was being asked hears it is off, as when the deal closes first; between candidates nobody is.
            RequestCancelled e => e.From switch
            {
                RequestStatus.AwaitingOwnerApproval => [Mail(OwnerEmails.Cancelled(after, e.Reason))],
                RequestStatus.AwaitingReferenceConsent or RequestStatus.Scheduling or RequestStatus.Introduced or RequestStatus.AwaitingDebrief =>
                    [Mail(ReferenceEmails.Cancelled(after, e.From.Value)), Touch(after, e.At)],
                _ => [],
            },
            AskWithdrawn e => e.From == RequestStatus.AwaitingOwnerApproval ? [Mail(OwnerEmails.Withdrawn(after))] : [Mail(ReferenceEmails.Withdrawn(after, e.From)), Touch(after, e.At)],
            RequestUnfulfilled => [Mail(EscalationEmails.Unfulfilled(after))],
            CandidateUnavailable { From: RequestStatus.AwaitingOwnerApproval } => [Mail(OwnerEmails.Unavailable(after))],
            CandidateUnavailable => [],
            CandidateSkipped e => [Mail(OwnerEmails.Skipped(after, e.Reason))],
            NeededByExtended => [],
            // The debrief of a call that happened: the reference was just in touch with us and the prospect. Whatever it
            // learned (concerns, landmines) is passed on to the sales team, held or not.
            DebriefSubmitted e => Debriefed(after, e),
            RequestSubmitted or OwnerApproved or OwnerDeclined or OwnerApprovalTimedOut or ReferenceDeclined or ReferenceConsentTimedOut
                or OutcomeReceived or EffectFailureRecorded or LateAnswerRecorded => [],
            null => throw new ArgumentNullException(nameof(@event)),
            _ => throw new ArgumentException($"Unknown event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    private static SendEmail Mail(OutboundEmail email) => new(email);

    /// <summary>The request as the candidate asked sees it: one asked in parallel (<paramref name="index"/>), or the current one.</summary>
    private static RequestState Asked(RequestState s, int? index) => index is { } i ? s.ForCandidate(i) : s;

    /// <summary>
    /// The decision that flags a request rushed asks its first owner next; when there is no time to wait for them the
    /// program manager's email of that escalation says all the rushed one would, so they get one email, not two.
    /// </summary>
    private bool FirstAskEscalatesAtOnce(RequestState s, DateTimeOffset at) =>
        s.Candidates.Count > 0 && s.Candidates[0].Standing is null && AskTimers.ForOwner(at, s.Intake!.NeededBy, Policy).EscalateNow;

    private static IEnumerable<Effect> Timers(IReadOnlyList<TimerDue> timers) => timers.Select(t => new StartTimer(t));

    private static DateTimeOffset OwnerTimeout(RequestState s) =>
        s.PendingTimers.FirstOrDefault(t => t.Kind == TimerKinds.OwnerApprovalTimeout)?.DueAt ?? s.SubmittedAt;

    /// <summary>We were in touch with the current candidate at <paramref name="at"/>.</summary>
    private static RecordTouch Touch(RequestState s, DateTimeOffset at) => new(s.Current!.ReferenceId, s.Current.ContactId, s.RequestId!, at);

    private static List<Effect> Debriefed(RequestState s, DebriefSubmitted e)
    {
        var effects = new List<Effect>();
        if (e.Happened) effects.Add(Touch(s, e.At));
        if (DebriefInsight.From(s, e) is { } insight) effects.Add(new RecordInsight(insight));
        return effects;
    }

    private static RecordThanks Thanks(RequestState s, CallCompleted e) => new(s.Current!.ReferenceId, s.Current.ContactId, s.RequestId!, e.At, e.Gift);

    /// <summary>
    /// Dated at the call: the proposed slot, or the debrief when it came earlier (the two met before the slot). The same
    /// (reference, contact, request) is credited twice, once held and once with revenue: the usage store upserts on that key.
    /// </summary>
    private static RecordUsage Usage(RequestState s, decimal revenue)
    {
        var at = s.Slot is { } slot && s.Debrief is { } debrief && debrief.At < slot.Start ? debrief.At : s.Slot?.Start ?? s.Debrief?.At ?? s.SubmittedAt;
        return new(s.Current!.ReferenceId, s.Current.ContactId, s.RequestId!, s.Intake!.Activity.ToString(), at, revenue);
    }
}
