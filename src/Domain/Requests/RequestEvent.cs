using System.Text.Json.Serialization;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// What happened to a request, in order. Events stay readable forever: add new types or optional
/// members, never rename. The type discriminator is the type name.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(RequestSubmitted), nameof(RequestSubmitted))]
[JsonDerivedType(typeof(RequestDeferred), nameof(RequestDeferred))]
[JsonDerivedType(typeof(RequestRushed), nameof(RequestRushed))]
[JsonDerivedType(typeof(OwnerApprovalRequested), nameof(OwnerApprovalRequested))]
[JsonDerivedType(typeof(StandingApprovalUsed), nameof(StandingApprovalUsed))]
[JsonDerivedType(typeof(OwnerReminded), nameof(OwnerReminded))]
[JsonDerivedType(typeof(OwnerEscalated), nameof(OwnerEscalated))]
[JsonDerivedType(typeof(OwnerApproved), nameof(OwnerApproved))]
[JsonDerivedType(typeof(OwnerDeclined), nameof(OwnerDeclined))]
[JsonDerivedType(typeof(OwnerApprovalTimedOut), nameof(OwnerApprovalTimedOut))]
[JsonDerivedType(typeof(ReferenceConsentRequested), nameof(ReferenceConsentRequested))]
[JsonDerivedType(typeof(ReferenceAccepted), nameof(ReferenceAccepted))]
[JsonDerivedType(typeof(ReferenceDeclined), nameof(ReferenceDeclined))]
[JsonDerivedType(typeof(ReferenceConsentTimedOut), nameof(ReferenceConsentTimedOut))]
[JsonDerivedType(typeof(SlotSearchStarted), nameof(SlotSearchStarted))]
[JsonDerivedType(typeof(SlotProposed), nameof(SlotProposed))]
[JsonDerivedType(typeof(DebriefRequested), nameof(DebriefRequested))]
[JsonDerivedType(typeof(DebriefReminded), nameof(DebriefReminded))]
[JsonDerivedType(typeof(DebriefSubmitted), nameof(DebriefSubmitted))]
[JsonDerivedType(typeof(CallCompleted), nameof(CallCompleted))]
[JsonDerivedType(typeof(OutcomeNudged), nameof(OutcomeNudged))]
[JsonDerivedType(typeof(OutcomeRecorded), nameof(OutcomeRecorded))]
[JsonDerivedType(typeof(OutcomeReceived), nameof(OutcomeReceived))]
[JsonDerivedType(typeof(CandidateCheckRequested), nameof(CandidateCheckRequested))]
[JsonDerivedType(typeof(CandidatesAdded), nameof(CandidatesAdded))]
[JsonDerivedType(typeof(AskWithdrawn), nameof(AskWithdrawn))]
[JsonDerivedType(typeof(CandidateUnavailable), nameof(CandidateUnavailable))]
[JsonDerivedType(typeof(RequestCancelled), nameof(RequestCancelled))]
[JsonDerivedType(typeof(RequestUnfulfilled), nameof(RequestUnfulfilled))]
[JsonDerivedType(typeof(EffectFailureRecorded), nameof(EffectFailureRecorded))]
[JsonDerivedType(typeof(LateAnswerRecorded), nameof(LateAnswerRecorded))]
[JsonDerivedType(typeof(CandidateSkipped), nameof(CandidateSkipped))]
[JsonDerivedType(typeof(NeededByExtended), nameof(NeededByExtended))]
[JsonDerivedType(typeof(AsksReleased), nameof(AsksReleased))]
[JsonDerivedType(typeof(ParallelAskLeads), nameof(ParallelAskLeads))]
[JsonDerivedType(typeof(ParallelAsksTurnedOn), nameof(ParallelAsksTurnedOn))]
public abstract record RequestEvent(DateTimeOffset At);

/// <summary>The intake and the candidates matched for it, with the policy the request keeps for the rest of its life
/// (null in histories written before the policy was kept: those decide under the program's current policy).</summary>
public sealed record RequestSubmitted(
    string RequestId, RequestIntake Intake, string RequesterEmail, string ProgramManagerEmail,
    IReadOnlyList<Candidate> Candidates, DateTimeOffset At, WorkflowPolicy? Policy = null) : RequestEvent(At);

public sealed record RequestDeferred(string Reason, IReadOnlyList<string> Alternatives, DateTimeOffset At) : RequestEvent(At);

public sealed record RequestRushed(string Reason, DateTimeOffset At) : RequestEvent(At);

/// <summary>
/// The owner of candidate <paramref name="CandidateIndex"/> is asked; the timers are reminder, escalation and timeout.
/// <paramref name="Parallel"/>: asked beside the current candidate (decision 041), with a timeout only.
/// </summary>
public sealed record OwnerApprovalRequested(
    int CandidateIndex, string Step, IReadOnlyList<TimerDue> Timers, DateTimeOffset ExpiresAt, DateTimeOffset At, bool Parallel = false) : RequestEvent(At);

/// <summary>
/// Candidate <paramref name="CandidateIndex"/> is asked without waiting for their owner: the owner's standing approval
/// <paramref name="Rule"/>, as it stood, covered this ask. The owner hears of it with a way to stop it.
/// </summary>
public sealed record StandingApprovalUsed(int CandidateIndex, StandingApproval Rule, DateTimeOffset At, bool Parallel = false) : RequestEvent(At);

public sealed record OwnerReminded(string Step, DateTimeOffset At) : RequestEvent(At);

/// <summary>The program manager was told the owner has not answered; <paramref name="NoTimeToWait"/> when that was as the owner was
/// asked, the need-by date leaving no time to wait for them (false in histories from before it was kept).</summary>
public sealed record OwnerEscalated(string Step, DateTimeOffset At, bool NoTimeToWait = false) : RequestEvent(At);

/// <summary>The owner approved; or the program manager did, for the owner <paramref name="OnBehalfOf"/> (null when the owner answered).</summary>
public sealed record OwnerApproved(string Step, string ActorEmail, string? Reason, DateTimeOffset At, string? OnBehalfOf = null) : RequestEvent(At);

/// <summary>The owner declined; or the program manager did, for the owner <paramref name="OnBehalfOf"/> (null when the owner answered).</summary>
public sealed record OwnerDeclined(string Step, string ActorEmail, string? Reason, DateTimeOffset At, string? OnBehalfOf = null) : RequestEvent(At);

public sealed record OwnerApprovalTimedOut(string Step, DateTimeOffset At) : RequestEvent(At);

/// <summary>The reference is asked; <paramref name="CandidateIndex"/> names a candidate asked in parallel (null: the current one).</summary>
public sealed record ReferenceConsentRequested(string Step, IReadOnlyList<TimerDue> Timers, DateTimeOffset ExpiresAt, DateTimeOffset At, int? CandidateIndex = null)
    : RequestEvent(At);

public sealed record ReferenceAccepted(string Step, string ActorEmail, DateTimeOffset At) : RequestEvent(At);

public sealed record ReferenceDeclined(string Step, string ActorEmail, string? Reason, DateTimeOffset At) : RequestEvent(At);

public sealed record ReferenceConsentTimedOut(string Step, DateTimeOffset At) : RequestEvent(At);

/// <summary>The calendar is asked for a slot; <paramref name="Retry"/> asks again if no answer arrives.</summary>
public sealed record SlotSearchStarted(int Attempt, SlotRequest Request, TimerDue Retry, DateTimeOffset At) : RequestEvent(At);

public sealed record SlotProposed(ProposedSlot Slot, string InvitationUid, TimerDue DebriefDue, DateTimeOffset At) : RequestEvent(At);

public sealed record DebriefRequested(TimerDue Reminder, DateTimeOffset At) : RequestEvent(At);

public sealed record DebriefReminded(int Count, TimerDue NextReminder, DateTimeOffset At) : RequestEvent(At);

public sealed record DebriefSubmitted(
    bool Happened, bool MetNeeds, string? Concerns, string? Landmines, string? Notes, string ByEmail, DateTimeOffset At) : RequestEvent(At);

/// <summary>The call took place: the reference is thanked, with <paramref name="Gift"/> if one was given (null in older histories), and the use credited.</summary>
public sealed record CallCompleted(TimerDue OutcomeNudge, DateTimeOffset At, Gift? Gift = null) : RequestEvent(At);

public sealed record OutcomeNudged(int Count, TimerDue NextNudge, DateTimeOffset At) : RequestEvent(At);

/// <summary>The request moves on: the candidates from <paramref name="FromIndex"/> are checked before an owner is asked, for
/// <paramref name="Wanted"/> of them when it asks several at once.</summary>
public sealed record CandidateCheckRequested(int FromIndex, TimerDue Retry, DateTimeOffset At, int Wanted = 1) : RequestEvent(At);

/// <summary>None of the listed candidates could be asked; a fresh match over the directory found these, appended to the list.</summary>
public sealed record CandidatesAdded(IReadOnlyList<Candidate> Candidates, DateTimeOffset At) : RequestEvent(At);

/// <summary>The loop is closed after the call: the reference hears how it went; revenue counts only for a call held.</summary>
public sealed record OutcomeRecorded(DealOutcome Outcome, decimal InfluencedRevenueUsd, DateTimeOffset At) : RequestEvent(At);

/// <summary>The CRM closed the deal before the call was behind us: kept now; the loop closes once the call is debriefed.</summary>
public sealed record OutcomeReceived(DealOutcome Outcome, DateTimeOffset At) : RequestEvent(At);

/// <summary>
/// The deal closed before any call (in state <paramref name="From"/>): whoever was being asked hears it is no longer
/// needed; nobody does when the request was between candidates (<paramref name="NobodyAsked"/>).
/// </summary>
public sealed record AskWithdrawn(DealOutcome Outcome, RequestStatus From, DateTimeOffset At, bool NobodyAsked = false) : RequestEvent(At);

/// <summary>Cancelled by the rep or the program manager while in <paramref name="From"/> (null in histories from before it was kept).</summary>
public sealed record RequestCancelled(string ByEmail, string? Reason, DateTimeOffset At, RequestStatus? From = null) : RequestEvent(At);

public sealed record RequestUnfulfilled(string Reason, DateTimeOffset At) : RequestEvent(At);

public sealed record EffectFailureRecorded(EffectFailure Failure, DateTimeOffset At) : RequestEvent(At);

/// <summary>A human answer that came too late, twice, for an old step or from someone else: kept, no transition.</summary>
public sealed record LateAnswerRecorded(string Action, string Step, string ActorEmail, string Decision, string Note, DateTimeOffset At) : RequestEvent(At);

/// <summary>The candidate being asked (their owner, <paramref name="From"/> AwaitingOwnerApproval, or themselves) stopped being available.</summary>
public sealed record CandidateUnavailable(string Step, RequestStatus From, string Reason, DateTimeOffset At) : RequestEvent(At);

/// <summary>The program manager had the request ask the next candidate instead of waiting on the owner asked at <paramref name="Step"/>.</summary>
public sealed record CandidateSkipped(string Step, string ByEmail, string? Reason, DateTimeOffset At) : RequestEvent(At);

/// <summary>
/// The program manager moved the need-by date from <paramref name="From"/> to <paramref name="To"/>. <paramref name="RushedReason"/>
/// is why the request is still rushed at the new date, or null when the new date leaves the minimum lead time;
/// <paramref name="WasRushed"/> whether it was rushed before.
/// </summary>
public sealed record NeededByExtended(DateOnly From, DateOnly To, string ByEmail, string? RushedReason, bool WasRushed, DateTimeOffset At) : RequestEvent(At);

/// <summary>Asks let go, each with a short "no longer needed, thank you" to whoever was asked; their holds end with them.</summary>
public sealed record AsksReleased(IReadOnlyList<ReleasedAsk> Asks, AskRelease Why, DateTimeOffset At) : RequestEvent(At);

/// <summary>The parallel ask of candidate <paramref name="CandidateIndex"/> becomes the current one: its reference consented
/// first, or nobody else is left to ask.</summary>
public sealed record ParallelAskLeads(int CandidateIndex, DateTimeOffset At) : RequestEvent(At);

/// <summary>The program manager had the request ask several candidates at once from now on. <paramref name="AskNow"/>: the
/// ask open stays open beside the next candidates, checked and asked now.</summary>
public sealed record ParallelAsksTurnedOn(string ByEmail, DateTimeOffset At, bool AskNow = false) : RequestEvent(At);
