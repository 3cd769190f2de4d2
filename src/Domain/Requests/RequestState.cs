using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// A request as its events left it: what the API shows and what the decider needs. Equality is
/// structural (lists compared item by item) so a state rebuilt from stored events equals the one kept.
/// </summary>
public sealed record RequestState
{
    public static RequestState Initial { get; } = new();

    public string? RequestId { get; init; }
    public RequestStatus Status { get; init; }
    public bool Rushed { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string> Alternatives { get; init; } = [];
    public RequestIntake? Intake { get; init; }
    public string RequesterEmail { get; init; } = "";
    public string ProgramManagerEmail { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The policy the request was submitted under (its first event); null for requests older than that record.</summary>
    public WorkflowPolicy? Policy { get; init; }
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    public int CurrentIndex { get; init; } = -1;

    /// <summary>The furthest candidate asked so far: moving on checks the candidates after it.</summary>
    public int FurthestAsked { get; init; } = -1;

    /// <summary>Candidates asked beside the current one, time being short (decision 041); empty when asking one at a time.</summary>
    public IReadOnlyList<ParallelAsk> ParallelAsks { get; init; } = [];

    /// <summary>The program manager had this request ask several candidates at once, whatever its need-by date.</summary>
    public bool AsksInParallel { get; init; }

    /// <summary>Moving on: the candidates from this index are being checked before the next owner is asked.</summary>
    public int? CheckingFrom { get; init; }

    /// <summary>How many candidates the check under way looks for (several when asking at once).</summary>
    public int CheckingWanted { get; init; } = 1;

    /// <summary>The human step an answer must name (owner approval or reference consent); null when none is asked.</summary>
    public string? Step { get; init; }

    /// <summary>Whether the CURRENT candidate's owner approved: gates contact details and any email to the reference.</summary>
    public bool OwnerApproved { get; init; }

    /// <summary>The current owner did not answer by the escalation time; the program manager was told.</summary>
    public bool OwnerEscalated { get; init; }

    /// <summary>Counts steps and timers so their ids never repeat within a request.</summary>
    public int Sequence { get; init; }
    public int SlotAttempts { get; init; }
    public int MissedCalls { get; init; }
    public ProposedSlot? Slot { get; init; }
    public string? InvitationUid { get; init; }
    public IReadOnlyList<TimerDue> PendingTimers { get; init; } = [];

    /// <summary>Every timer the request waits on: the current candidate's steps and each parallel ask's timeout.</summary>
    public IReadOnlyList<TimerDue> AllTimers => ParallelAsks.Count == 0 ? PendingTimers : [.. PendingTimers, .. ParallelAsks.SelectMany(a => a.Timers)];

    /// <summary>The timer due first: what the request's orchestration waits on besides a command.</summary>
    public TimerDue? NextTimer => AllTimers.MinBy(t => t.DueAt);
    public int DebriefReminders { get; init; }
    public DebriefReport? Debrief { get; init; }
    public int OutcomeNudges { get; init; }
    public DealOutcome? Outcome { get; init; }
    public IReadOnlyList<EffectFailure> Failures { get; init; } = [];
    public int LateAnswers { get; init; }

    /// <summary>Every answer that decided a step ("{step} {decision} {ACTOR}"): the same answer from the same person arriving again is a repeat, not news.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public bool IsSubmitted => RequestId is not null;

    public Candidate? Current => CurrentIndex >= 0 && CurrentIndex < Candidates.Count ? Candidates[CurrentIndex] : null;

    /// <summary>The parallel ask at <paramref name="step"/>, if one is open there.</summary>
    public ParallelAsk? ParallelAskAt(string? step) => step is null ? null : ParallelAsks.FirstOrDefault(a => a.Step == step);

    /// <summary>
    /// The request as one candidate's ask sees it: what is written to a candidate asked in parallel reads them as the
    /// current one, so every email speaks of the person it goes to.
    /// </summary>
    public RequestState ForCandidate(int index) => this with { CurrentIndex = index };

    /// <summary>
    /// The request as the ask open at <paramref name="step"/> sees it: the current candidate's ask, or one asked in
    /// parallel read as the current one (its candidate, status and step); null when no ask is open there any more.
    /// </summary>
    public RequestState? AskingAt(string step) =>
        Step == step ? this
        : ParallelAskAt(step) is { } ask ? ForCandidate(ask.CandidateIndex) with
        {
            Step = step, OwnerApproved = ask.OwnerApproved, CheckingFrom = null, PendingTimers = ask.Timers,
            Status = ask.OwnerApproved ? RequestStatus.AwaitingReferenceConsent : RequestStatus.AwaitingOwnerApproval,
        }
        : null;

    public bool IsOpen => IsSubmitted && Status.IsOpen();

    /// <summary>
    /// Can be called off: open, with the call still ahead. A Completed request had its call, debrief and thanks; only the
    /// deal's outcome is to come, which closes it. The decider refuses a cancel otherwise and the page offers none.
    /// </summary>
    public bool CanBeCancelled => IsOpen && Status != RequestStatus.Completed;

    /// <summary>
    /// Needs the program manager: rushed and still open, unfulfilled, or an owner silent past the escalation time (the
    /// workflow's own business-time timer fired, so every page and the API agree on when that is).
    /// </summary>
    public bool NeedsAttention => IsSubmitted &&
        (Status == RequestStatus.Unfulfilled || (Rushed && IsOpen) || (Status == RequestStatus.AwaitingOwnerApproval && OwnerEscalated));

    /// <summary>The person the request waits on, when it waits on someone rather than only on a timer.</summary>
    public string? WaitingOn => !IsOpen || CheckingFrom is not null ? null : Status switch
    {
        RequestStatus.AwaitingOwnerApproval => Current?.Account.OwnerEmail,
        RequestStatus.AwaitingReferenceConsent => Current?.Contact.Email,
        RequestStatus.AwaitingDebrief or RequestStatus.Completed => RequesterEmail,
        _ => null,
    };

    /// <summary>The owners whose approval an ask beside the current one waits for (decision 041): it waits on them too.</summary>
    public IReadOnlyList<string> OwnersAskedBeside =>
        IsOpen ? [.. ParallelAsks.Where(a => !a.OwnerApproved).Select(a => Candidates[a.CandidateIndex].Account.OwnerEmail)] : [];

    /// <summary>
    /// The contacts this request holds: the current candidate while asked, consenting, scheduled or with the call not
    /// yet debriefed, and the candidates asked beside them. Later candidates are a ranked list, not a hold: moving on checks them again (NextCandidate).
    /// </summary>
    public IReadOnlyList<ContactKey> HeldContacts =>
    [
        .. IsOpen && Status != RequestStatus.Completed && CheckingFrom is null && Current is { } current ? [current.Key] : Array.Empty<ContactKey>(),
        .. IsOpen ? ParallelAsks.Select(a => Candidates[a.CandidateIndex].Key) : [],
    ];

    /// <summary>
    /// Whether a hold this request placed on <paramref name="contact"/> still stands: it asks them now, it is choosing whom
    /// to ask next (a candidate check holds its choice before the choice is recorded), or it had its call with them (the
    /// call's use is written before the hold's row is deleted, so until then another request's cap check could miss it).
    /// Otherwise the history has let them go, even if the hold's row is still to be deleted.
    /// </summary>
    public bool StillHolds(ContactKey contact) =>
        HeldContacts.Contains(contact) || (IsOpen && CheckingFrom is not null) || (Current?.Key == contact && Debrief is { Happened: true });

    public bool Equals(RequestState? other) =>
        other is not null
        && RequestId == other.RequestId && Status == other.Status && Rushed == other.Rushed && Reason == other.Reason
        && Seq.Equal(Alternatives, other.Alternatives) && Same.Intake(Intake, other.Intake)
        && RequesterEmail == other.RequesterEmail && ProgramManagerEmail == other.ProgramManagerEmail
        && SubmittedAt == other.SubmittedAt && Equals(Policy, other.Policy) && Seq.Equal(Candidates, other.Candidates) && CurrentIndex == other.CurrentIndex
        && FurthestAsked == other.FurthestAsked && Seq.Equal(ParallelAsks, other.ParallelAsks) && AsksInParallel == other.AsksInParallel
        && CheckingFrom == other.CheckingFrom && CheckingWanted == other.CheckingWanted
        && Step == other.Step && OwnerApproved == other.OwnerApproved && OwnerEscalated == other.OwnerEscalated && Sequence == other.Sequence
        && SlotAttempts == other.SlotAttempts && MissedCalls == other.MissedCalls && Equals(Slot, other.Slot)
        && InvitationUid == other.InvitationUid && Seq.Equal(PendingTimers, other.PendingTimers)
        && DebriefReminders == other.DebriefReminders && Equals(Debrief, other.Debrief) && OutcomeNudges == other.OutcomeNudges
        && Outcome == other.Outcome && Seq.Equal(Failures, other.Failures) && LateAnswers == other.LateAnswers
        && Seq.Equal(Answers, other.Answers);

    public override int GetHashCode() => HashCode.Combine(RequestId, Status, CurrentIndex, Step, Sequence, Seq.Hash(PendingTimers));
}
