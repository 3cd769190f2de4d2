using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests.Views;

/// <summary>
/// GET /api/requests/{id} (api.md), with what the request page needs beside it. <see cref="Step"/> names the owner's
/// approval step open now (sent back with an approval, a decline or "ask the next", so an answer never lands on a later
/// ask); <see cref="AlternativeLinks"/> are a deferred request's alternatives with where to find each.
/// <see cref="RequesterName"/> and <see cref="WaitingOnName"/> are how people read <see cref="RequesterEmail"/> and <see cref="WaitingOn"/>: a name from
/// the people directory (or the contact's, for a reference), the whole address only where no name is known.
/// <see cref="AsksInParallel"/>: the request asks several candidates at once (decision 041); each candidate's
/// <see cref="CandidateView.Standing"/> says where their ask stands. <see cref="DecidingFor"/> is the candidate whose owner's
/// ask the viewer may answer (<see cref="Step"/>): the current one, or one asked beside it that is theirs.
/// </summary>
public sealed record RequestView(
    string Id,
    RequestStatus State,
    bool Rushed,
    string? Reason,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<CandidateView> Candidates,
    CurrentCandidate? Current,
    SlotView? Slot,
    IReadOnlyList<TimerView> Timers,
    IReadOnlyList<HistoryItem> History,
    RequestIntake? Intake,
    string RequesterEmail,
    DateTimeOffset SubmittedAt,
    string? WaitingOn,
    DealOutcome? Outcome,
    DebriefReport? Debrief,
    RequestPermissions Can,
    bool ParticipantErased = false,
    string? Step = null,
    IReadOnlyList<AlternativeLink>? AlternativeLinks = null,
    string? RequesterName = null,
    string? WaitingOnName = null,
    bool AsksInParallel = false,
    CurrentCandidate? DecidingFor = null);

public sealed record CurrentCandidate(string ReferenceId, string ContactId);

/// <summary>A candidate as the viewer may see it: <see cref="Contact"/> is null until the owner approved (for reps).</summary>
public sealed record CandidateView(
    string ReferenceId,
    string ContactId,
    string Account,
    string Industry,
    string Country,
    double Score,
    IReadOnlyList<string> Reasons,
    string ContactTitle,
    bool Caution,
    ContactDetails? Contact,
    CandidateStanding? Standing = null);

public sealed record ContactDetails(string Name, string Email, string? Phone, string TimeZone);

/// <summary>
/// The proposed call: each attendee's local time (null when their zone is unknown), and <see cref="Remarks"/>, what is
/// unusual about it (after the slot window, outside the prospect's usual hours), each with the sentence explaining it.
/// </summary>
public sealed record SlotView(
    DateTimeOffset Start, DateTimeOffset End, bool InsideWindow, string? ReferenceLocal, string? ProspectLocal, IReadOnlyList<SlotRemark> Remarks);

/// <summary>A timer the request waits on; <see cref="Candidate"/> numbers the candidate asked in parallel it belongs to (null: the current ask's).</summary>
public sealed record TimerView(string Kind, DateTimeOffset DueAt, int? Candidate = null);

public sealed record HistoryItem(long Version, string Type, DateTimeOffset At, string Summary);

/// <summary>The actions the viewer may take now (buttons on the request page).</summary>
public sealed record RequestPermissions(
    bool Cancel, bool Debrief, bool RecordOutcome,
    bool DecideAsOwner = false, bool AskNextCandidate = false, bool ExtendNeededBy = false, bool AskAgain = false, bool AskInParallel = false);

/// <summary>An alternative to a live reference and the page (ours, or one the program configured) where the rep finds it; no href when none is configured.</summary>
public sealed record AlternativeLink(string Text, string? Href);
