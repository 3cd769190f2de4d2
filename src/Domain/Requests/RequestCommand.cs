using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

/// <summary>Everything that can be asked of a reference request; "now" arrives on each command.</summary>
public abstract record RequestCommand(DateTimeOffset At);

/// <summary>
/// The rep's intake with the candidates the app layer matched; the decider runs the readiness gate. With
/// <paramref name="CheckFirst"/> the first candidate was taken by another request a moment ago: the request checks its
/// candidates (and the directory) before asking anyone, as it does when it moves on.
/// </summary>
public sealed record SubmitRequest(
    string RequestId, RequestIntake Intake, string RequesterEmail, string ProgramManagerEmail,
    IReadOnlyList<Candidate> Candidates, DateTimeOffset At, bool CheckFirst = false) : RequestCommand(At);

/// <summary>
/// The account owner (or the program manager on their behalf) answers the approval step. <paramref name="AsProgramManager"/>:
/// the app checked the actor holds the program manager's role, for a program with more managers than the one it escalates to.
/// </summary>
public sealed record DecideAsOwner(string Step, string ActorEmail, bool Approve, string? Reason, DateTimeOffset At, bool AsProgramManager = false)
    : RequestCommand(At);

/// <summary>
/// The program manager stops waiting on the owner asked at <paramref name="Step"/> and has the request ask the next
/// candidate's owner (the asked owner hears there is nothing left to approve). The app checks the role.
/// </summary>
public sealed record AskNextCandidate(string Step, string ByEmail, string? Reason, DateTimeOffset At) : RequestCommand(At);

/// <summary>The program manager gives the request more time: a later need-by date, before the call is arranged. The app checks the role.</summary>
public sealed record ExtendNeededBy(DateOnly NeededBy, string ByEmail, DateTimeOffset At) : RequestCommand(At);

/// <summary>The reference contact answers the consent step.</summary>
public sealed record DecideAsReference(string Step, string ActorEmail, bool Accept, string? Reason, DateTimeOffset At) : RequestCommand(At);

/// <summary>
/// The contact stopped being available (they left the program or paused themselves): a request asking their owner or
/// them lets them go and moves on. Any other request, or one past the asking, is left as it is.
/// </summary>
public sealed record WithdrawCandidate(ContactKey Contact, string Reason, DateTimeOffset At) : RequestCommand(At);

/// <summary>The calendar adapter's answer to a FindSlot effect.</summary>
public sealed record ProposeSlot(ProposedSlot Slot, DateTimeOffset At) : RequestCommand(At);

/// <summary>
/// The answer to a CheckCandidates effect: the listed candidate who may be asked now, with the owner's standing approval
/// that covers asking them as their account reads now (<paramref name="Standing"/>); or, when none may, the
/// <paramref name="Fresh"/> candidates a new match found, each with its own (none: the request ends unfulfilled).
/// <paramref name="Also"/>: when the check wanted several, the others held for the request, by index in the list the
/// request will have with the fresh ones appended.
/// </summary>
public sealed record ChooseCandidate(
    int? Index, DateTimeOffset At, IReadOnlyList<Candidate>? Fresh = null, StandingApproval? Standing = null, IReadOnlyList<ParallelChoice>? Also = null)
    : RequestCommand(At);

/// <summary>The program manager has the request ask several candidates at once from now on. The app checks the role.</summary>
public sealed record AskInParallel(string ByEmail, DateTimeOffset At) : RequestCommand(At);

/// <summary>The debrief; when the call happened it is the thank-you step too, with what was given (<paramref name="Gift"/>, optional).</summary>
public sealed record SubmitDebrief(
    bool Happened, bool MetNeeds, string? Concerns, string? Landmines, string? Notes, string ByEmail, DateTimeOffset At, Gift? Gift = null) : RequestCommand(At);

/// <summary>Won or Lost, from the CRM webhook or the rep.</summary>
public sealed record RecordOutcome(DealOutcome Outcome, DateTimeOffset At) : RequestCommand(At);

public sealed record CancelRequest(string ByEmail, string? Reason, DateTimeOffset At) : RequestCommand(At);

public sealed record TimerElapsed(TimerDue Timer, DateTimeOffset At) : RequestCommand(At);

public sealed record RecordEffectFailure(EffectFailure Failure, DateTimeOffset At) : RequestCommand(At);
