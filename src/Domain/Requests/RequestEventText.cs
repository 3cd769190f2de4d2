using System.Globalization;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// One line per event for the request's timeline. Our staff are named by marker (<see cref="StaffNames"/>): the page or
/// API that shows the line puts in their names; contacts' details are redacted for readers who may not see them. A time
/// in the line is in <c>readerZone</c> (UTC when none is given).
/// </summary>
public static class RequestEventText
{
    public static string Describe(RequestEvent @event, TimeZoneInfo? readerZone = null) => @event switch
    {
        RequestSubmitted e => $"Submitted by {StaffNames.Of(e.RequesterEmail)} for {e.Intake.Prospect.Company} with {Count(e.Candidates.Count, "candidate")}",
        RequestDeferred e => $"Deferred: {e.Reason}",
        RequestRushed e => $"Flagged as rushed: {e.Reason}",
        OwnerApprovalRequested e => $"Owner of candidate {e.CandidateIndex + 1} asked to approve{AtTheSameTime(e.Parallel)}",
        StandingApprovalUsed e => $"Candidate {e.CandidateIndex + 1} approved in advance by the owner's standing approval (set by {StaffNames.Of(e.Rule.SetBy)}); the owner was told{AtTheSameTime(e.Parallel)}",
        AsksReleased e => $"{Candidates(e.Asks.Select(a => a.CandidateIndex))} let go with a thank-you: "
            + (e.Why == AskRelease.AnotherAgreed ? "another reference agreed first" : "the request ended"),
        ParallelAskLeads e => $"The request goes on with candidate {e.CandidateIndex + 1}, asked at the same time",
        ParallelAsksTurnedOn e => $"{StaffNames.Of(e.ByEmail)} had the request ask several candidates at once",
        OwnerReminded => "Owner reminded",
        OwnerEscalated { NoTimeToWait: true } => "Escalated to the program manager at once: the need-by date leaves no time to wait for the owner",
        OwnerEscalated => "Escalated to the program manager: the owner has not answered",
        OwnerApproved e => $"Approved by {StaffNames.Of(e.ActorEmail)}{ForOwner(e.OnBehalfOf)}",
        OwnerDeclined e => $"Declined by {StaffNames.Of(e.ActorEmail)}{ForOwner(e.OnBehalfOf)}{Because(e.Reason)}",
        OwnerApprovalTimedOut => "Owner did not answer in time; moving on",
        ReferenceConsentRequested { CandidateIndex: { } i } => $"Reference of candidate {i + 1} asked whether they will take the call",
        ReferenceConsentRequested => "Reference asked whether they will take the call",
        ReferenceAccepted => "Reference accepted; briefings sent",
        ReferenceDeclined e => $"Reference declined{Because(e.Reason)}",
        ReferenceConsentTimedOut => "Reference did not answer in time; moving on",
        CandidateUnavailable e => $"Candidate no longer available ({e.Reason}); moving on",
        CandidateSkipped e => $"{StaffNames.Of(e.ByEmail)} asked the next candidate instead of waiting on the owner{Because(e.Reason)}",
        NeededByExtended e => $"Need-by date moved from {TimeWords.Date(e.From)} to {TimeWords.Date(e.To)} by {StaffNames.Of(e.ByEmail)}"
            + (e.RushedReason is not null ? "; still rushed" : e.WasRushed ? "; no longer rushed" : ""),
        SlotSearchStarted e => e.Attempt == 1 ? "Looking for a free slot" : $"Looking for a free slot (attempt {e.Attempt})",
        SlotProposed e => $"Introduced, call proposed for {TimeWords.When(e.Slot.Start, readerZone ?? TimeZoneInfo.Utc)}{(e.Slot.InsideWindow ? "" : ", the first free time after the slot window")}",
        DebriefRequested => "Debrief requested",
        DebriefReminded e => $"Debrief reminder {e.Count}",
        DebriefSubmitted e => $"Debrief by {StaffNames.Of(e.ByEmail)}: call {(e.Happened ? "happened" : "did not happen")}{(e.Happened ? e.MetNeeds ? ", met the prospect's needs" : ", did not meet the prospect's needs" : "")}",
        CallCompleted e => e.Gift is { } gift ? $"Reference thanked with {gift.Describe()}; the call is credited" : "Reference thanked; the call is credited",
        OutcomeNudged e => $"Rep nudged for the outcome ({e.Count})",
        OutcomeRecorded e => e.Outcome == DealOutcome.Won
            ? string.Create(CultureInfo.InvariantCulture, $"Won ({e.InfluencedRevenueUsd:N0} USD influenced); the reference was told")
            : "Lost; the reference was told",
        CandidateCheckRequested { Wanted: > 1 } e => $"Checking the next candidates are free, under their cap and consenting, to ask {e.Wanted} at once",
        CandidateCheckRequested => "Moving on: checking the next candidates are free, under their cap and consenting",
        CandidatesAdded e => $"None of the listed candidates was free: a new match added {Count(e.Candidates.Count, "candidate")}",
        OutcomeReceived e => $"{e.Outcome} recorded; any call still ahead closes the loop once it is debriefed",
        AskWithdrawn e => e.NobodyAsked ? $"{e.Outcome} before any call; the request is closed" : $"{e.Outcome} before any call: the open ask was withdrawn with a note",
        RequestCancelled e => $"Cancelled by {StaffNames.Of(e.ByEmail)}{Because(e.Reason)}",
        RequestUnfulfilled e => $"Unfulfilled: {e.Reason}",
        EffectFailureRecorded e => $"{Effect(e.Failure.EffectKind)} failed after {Count(e.Failure.Attempts, "attempt")}: {e.Failure.Error}",
        LateAnswerRecorded { ActorEmail: "" } e => $"Answer '{e.Decision}' recorded without effect: {e.Note}",
        LateAnswerRecorded e => $"Answer '{e.Decision}' from {StaffNames.Of(e.ActorEmail)} recorded without effect: {e.Note}",
        null => throw new ArgumentNullException(nameof(@event)),
        _ => @event.GetType().Name,
    };

    // The history stores the effect's type name; the timeline says what it was.
    private static string Effect(string kind) => kind == nameof(Workflow.SendEmail) ? "An email" : kind;

    private static string ForOwner(string? ownerEmail) => ownerEmail is null ? "" : $" on behalf of the owner, {StaffNames.Of(ownerEmail)}";

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}";

    private static string AtTheSameTime(bool parallel) => parallel ? ", at the same time as another: time is short" : "";

    private static string Candidates(IEnumerable<int> indexes)
    {
        var numbers = indexes.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 1 ? $"Candidate {numbers[0]}" : $"Candidates {string.Join(", ", numbers[..^1])} and {numbers[^1]}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
