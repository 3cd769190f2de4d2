using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

// The pure fold: each event moves the state; timers pending are exactly those the last events armed.
public sealed partial class RequestDecider
{
    public RequestState Evolve(RequestState state, RequestEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            RequestSubmitted e => state with
            {
                RequestId = e.RequestId, Intake = e.Intake, RequesterEmail = e.RequesterEmail, ProgramManagerEmail = e.ProgramManagerEmail,
                Candidates = e.Candidates, SubmittedAt = e.At, Status = RequestStatus.AwaitingOwnerApproval, Policy = e.Policy,
            },
            RequestDeferred e => state with { Status = RequestStatus.Deferred, Reason = e.Reason, Alternatives = e.Alternatives, PendingTimers = [] },
            RequestRushed e => state with { Rushed = true, Reason = e.Reason },
            OwnerApprovalRequested { Parallel: true } e => AskingAlongside(state, new ParallelAsk(e.CandidateIndex, e.Step, false, e.Timers)),
            OwnerApprovalRequested e => Asking(state, e.CandidateIndex) with { Step = e.Step, PendingTimers = e.Timers },
            // The owner's yes given in advance: the reference is asked next, in the same decision.
            StandingApprovalUsed { Parallel: true } e => AskingAlongside(state, new ParallelAsk(e.CandidateIndex, null, true, [])),
            StandingApprovalUsed e => Asking(state, e.CandidateIndex) with { OwnerApproved = true },
            ParallelAskLeads e => Leading(state, e.CandidateIndex),
            AsksReleased e => Released(state, e),
            ParallelAsksTurnedOn e => StepAside(state, e),
            CandidatesAdded e => state with { Candidates = [.. state.Candidates, .. e.Candidates] },
            CandidateCheckRequested e => state with
            {
                Status = RequestStatus.AwaitingOwnerApproval, Step = null, OwnerApproved = false, OwnerEscalated = false,
                PendingTimers = [e.Retry], CheckingFrom = e.FromIndex, CheckingWanted = e.Wanted, Sequence = state.Sequence + 1,
            },
            OwnerReminded => state with { PendingTimers = Without(state.PendingTimers, TimerKinds.OwnerReminder) },
            OwnerEscalated => state with { PendingTimers = Without(state.PendingTimers, TimerKinds.OwnerEscalation), OwnerEscalated = true },
            OwnerApproved e when state.ParallelAskAt(e.Step) is { } ask =>
                Replacing(state, ask, ask with { Step = null, OwnerApproved = true, Timers = [] }) with { Answers = [.. state.Answers, Answer(e.Step, ActionNames.Approve, e.ActorEmail)] },
            OwnerDeclined e when state.ParallelAskAt(e.Step) is { } ask =>
                Replacing(state, ask, null) with { Answers = [.. state.Answers, Answer(e.Step, ActionNames.Decline, e.ActorEmail)] },
            OwnerApprovalTimedOut e when state.ParallelAskAt(e.Step) is { } ask => Replacing(state, ask, null),
            ReferenceConsentRequested e when e.CandidateIndex is { } index && index != state.CurrentIndex
                && state.ParallelAsks.FirstOrDefault(a => a.CandidateIndex == index) is { } ask =>
                Replacing(state, ask, ask with { Step = e.Step, Timers = e.Timers }) with { Sequence = state.Sequence + 1 },
            ReferenceDeclined e when state.ParallelAskAt(e.Step) is { } ask =>
                Replacing(state, ask, null) with { Answers = [.. state.Answers, Answer(e.Step, ActionNames.Decline, e.ActorEmail)] },
            ReferenceConsentTimedOut e when state.ParallelAskAt(e.Step) is { } ask => Replacing(state, ask, null),
            OwnerApproved e => state with { OwnerApproved = true, Step = null, PendingTimers = [], Answers = [.. state.Answers, Answer(e.Step, ActionNames.Approve, e.ActorEmail)] },
            OwnerDeclined e => state with { Step = null, PendingTimers = [], Answers = [.. state.Answers, Answer(e.Step, ActionNames.Decline, e.ActorEmail)] },
            OwnerApprovalTimedOut => state with { Step = null, PendingTimers = [] },
            ReferenceConsentRequested e => state with
            {
                Status = RequestStatus.AwaitingReferenceConsent, Step = e.Step, PendingTimers = e.Timers, Sequence = state.Sequence + 1,
            },
            ReferenceAccepted e => state with { Step = null, PendingTimers = [], Answers = [.. state.Answers, Answer(e.Step, ActionNames.Accept, e.ActorEmail)] },
            ReferenceDeclined e => state with { Step = null, PendingTimers = [], Answers = [.. state.Answers, Answer(e.Step, ActionNames.Decline, e.ActorEmail)] },
            ReferenceConsentTimedOut => state with { Step = null, PendingTimers = [] },
            CandidateUnavailable => state with { Step = null, PendingTimers = [] },
            CandidateSkipped => state with { Step = null, PendingTimers = [] },
            NeededByExtended e => state with { Intake = state.Intake! with { NeededBy = e.To }, Rushed = e.RushedReason is not null, Reason = e.RushedReason },
            SlotSearchStarted e => state with
            {
                Status = RequestStatus.Scheduling, SlotAttempts = e.Attempt, PendingTimers = [e.Retry], Sequence = state.Sequence + 1,
            },
            SlotProposed e => state with
            {
                Status = RequestStatus.Introduced, Slot = e.Slot, InvitationUid = e.InvitationUid, PendingTimers = [e.DebriefDue],
                Sequence = state.Sequence + 1,
            },
            DebriefRequested e => state with { Status = RequestStatus.AwaitingDebrief, PendingTimers = [e.Reminder], Sequence = state.Sequence + 1 },
            DebriefReminded e => state with { DebriefReminders = e.Count, PendingTimers = [e.NextReminder], Sequence = state.Sequence + 1 },
            DebriefSubmitted e => state with
            {
                Debrief = new DebriefReport(e.Happened, e.MetNeeds, e.Concerns, e.Landmines, e.Notes, e.ByEmail, e.At),
                PendingTimers = [],
                MissedCalls = e.Happened ? state.MissedCalls : state.MissedCalls + 1,
                Slot = e.Happened ? state.Slot : null,
            },
            CallCompleted e => state with { Status = RequestStatus.Completed, PendingTimers = [e.OutcomeNudge], Sequence = state.Sequence + 1 },
            OutcomeNudged e => state with { OutcomeNudges = e.Count, PendingTimers = [e.NextNudge], Sequence = state.Sequence + 1 },
            OutcomeRecorded e => state with { Status = RequestStatus.Closed, Outcome = e.Outcome, PendingTimers = [] },
            OutcomeReceived e => state with { Outcome = e.Outcome },
            AskWithdrawn e => state with { Status = RequestStatus.Closed, Outcome = e.Outcome, Step = null, PendingTimers = [], CheckingFrom = null },
            RequestCancelled e => state with
            {
                Status = RequestStatus.Cancelled, Reason = string.IsNullOrWhiteSpace(e.Reason) ? $"Cancelled by {e.ByEmail}" : e.Reason,
                Step = null, PendingTimers = [], CheckingFrom = null,
            },
            RequestUnfulfilled e => state with
            {
                Status = RequestStatus.Unfulfilled, Reason = e.Reason, Step = null, PendingTimers = [], CurrentIndex = -1, OwnerApproved = false,
                CheckingFrom = null,
            },
            EffectFailureRecorded e => state with { Failures = [.. state.Failures, e.Failure] },
            LateAnswerRecorded => state with { LateAnswers = state.LateAnswers + 1 },
            null => throw new ArgumentNullException(nameof(@event)),
            _ => throw new ArgumentException($"Unknown event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    /// <summary>A new candidate's ask begins: nothing of the last candidate's steps carries over.</summary>
    private static RequestState Asking(RequestState state, int index) => state with
    {
        Status = RequestStatus.AwaitingOwnerApproval, CurrentIndex = index, FurthestAsked = Math.Max(state.FurthestAsked, index), Step = null,
        OwnerApproved = false, PendingTimers = [],
        Sequence = state.Sequence + 1, SlotAttempts = 0, MissedCalls = 0, Slot = null, InvitationUid = null, DebriefReminders = 0,
        Debrief = null, CheckingFrom = null, OwnerEscalated = false,
    };

    private static RequestState AskingAlongside(RequestState state, ParallelAsk ask) => state with
    {
        ParallelAsks = [.. state.ParallelAsks, ask], FurthestAsked = Math.Max(state.FurthestAsked, ask.CandidateIndex), Sequence = state.Sequence + 1,
    };

    /// <summary>The parallel ask <paramref name="ask"/> as <paramref name="now"/>, or ended (null).</summary>
    private static RequestState Replacing(RequestState state, ParallelAsk ask, ParallelAsk? now) => state with
    {
        ParallelAsks = now is null ? [.. state.ParallelAsks.Where(a => a != ask)] : [.. state.ParallelAsks.Select(a => a == ask ? now : a)],
    };

    /// <summary>A parallel ask becomes the current one, where it stands: its step and timeout carry over.</summary>
    private static RequestState Leading(RequestState state, int index)
    {
        var ask = state.ParallelAsks.First(a => a.CandidateIndex == index);
        return Replacing(Asking(state, index), ask, null) with
        {
            Status = ask.OwnerApproved ? RequestStatus.AwaitingReferenceConsent : RequestStatus.AwaitingOwnerApproval,
            Step = ask.Step, OwnerApproved = ask.OwnerApproved, PendingTimers = ask.Timers,
        };
    }

    private static RequestState Released(RequestState state, AsksReleased e)
    {
        var gone = e.Asks.Select(a => a.CandidateIndex).ToHashSet();
        var next = state with { ParallelAsks = [.. state.ParallelAsks.Where(a => !gone.Contains(a.CandidateIndex))] };
        // The current ask released: another consented first and takes its place in the same decision.
        return gone.Contains(state.CurrentIndex) && state.CheckingFrom is null ? next with { Step = null, PendingTimers = [] } : next;
    }

    /// <summary>Turned on with an ask open: that ask carries on beside the ones the check will find, with its timeout only.</summary>
    private static RequestState StepAside(RequestState state, ParallelAsksTurnedOn e) => !e.AskNow
        ? state with { AsksInParallel = true }
        : state with
        {
            AsksInParallel = true,
            ParallelAsks = [.. state.ParallelAsks, new ParallelAsk(state.CurrentIndex, state.Step, state.OwnerApproved,
                [.. state.PendingTimers.Where(t => t.Kind is TimerKinds.OwnerApprovalTimeout or TimerKinds.ReferenceConsentTimeout)])],
            Step = null, PendingTimers = [],
        };

    private static TimerDue[] Without(IReadOnlyList<TimerDue> timers, string kind) => [.. timers.Where(t => t.Kind != kind)];
}
