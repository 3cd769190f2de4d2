using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>
/// What one request contributes to the program's figures, folded from its events. The program's day tallies are the
/// sum of every request's contributions (<see cref="AddTo"/>), so a request that moves on takes its old contribution
/// out and puts its new one in: a request counted under "in progress" on its submission day moves to "call held".
/// </summary>
public sealed record RequestFacts
{
    public static RequestFacts None { get; } = new();

    public DateTimeOffset? SubmittedAt { get; init; }
    public RequestStatus Status { get; init; }

    /// <summary>
    /// When the first introduction went out (the email to both sides with the proposed slot). "Time to fulfil" is
    /// from submission to this moment: the rep has what they asked for, a reference on a call with their prospect.
    /// </summary>
    public DateTimeOffset? IntroducedAt { get; init; }

    /// <summary>What the request asks for, by <see cref="Capacity.CapacityKeys.Needs"/> (empty in facts folded before it was kept).</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>Asking for a reference and none introduced yet: the demand the capacity forecast serves first.</summary>
    public bool Waiting => IntroducedAt is null && Status.IsBeforeTheCall();

    public IReadOnlyList<AnswerFact> Answers { get; init; } = [];
    public IReadOnlyList<CallFact> Calls { get; init; } = [];
    public IReadOnlyList<DebriefFact> Debriefs { get; init; } = [];
    public OutcomeFact? Outcome { get; init; }

    public bool IsSubmitted => SubmittedAt is not null;

    public RequestStanding Standing => RequestStandings.Of(Status, Calls.Count > 0);

    /// <summary>Time to fulfil in whole minutes; null until the first introduction.</summary>
    public int? FulfilMinutes => SubmittedAt is { } submitted && IntroducedAt is { } introduced
        ? (int)Math.Max(0, Math.Round((introduced - submitted).TotalMinutes))
        : null;

    /// <summary>
    /// The facts after <paramref name="e"/>. <paramref name="thanked"/> is the contact a call credits: the request's
    /// current candidate, which no later event changes once a call is held (the request is then completed or closed).
    /// </summary>
    public RequestFacts Fold(RequestEvent e, ReferenceFlow.Domain.References.ContactKey? thanked) => e switch
    {
        RequestSubmitted s => this with { SubmittedAt = s.At, Needs = Capacity.CapacityKeys.Needs(s.Intake) },
        OwnerApproved a => Answered(Answer.OwnerApproved, a.At, a.Reason),
        StandingApprovalUsed u => Answered(Answer.StandingApproval, u.At, null),
        OwnerDeclined d => Answered(Answer.OwnerDeclined, d.At, d.Reason),
        OwnerApprovalTimedOut t => Answered(Answer.OwnerSilent, t.At, null),
        ReferenceAccepted a => Answered(Answer.ReferenceAccepted, a.At, null),
        ReferenceDeclined d => Answered(Answer.ReferenceDeclined, d.At, d.Reason),
        ReferenceConsentTimedOut t => Answered(Answer.ReferenceSilent, t.At, null),
        SlotProposed p when IntroducedAt is null => this with { IntroducedAt = p.At },
        DebriefSubmitted d => this with { Debriefs = [.. Debriefs, new DebriefFact(d.At, d.Happened)] },
        CallCompleted c when thanked is { } contact =>
            this with { Calls = [.. Calls, new CallFact(contact.ReferenceId, contact.ContactId, c.At, c.Gift?.Kind)] },
        // The loop closed after a call: revenue counts only then, as the outcome step credits it.
        OutcomeRecorded o => this with { Outcome = new OutcomeFact(o.Outcome == DealOutcome.Won, AfterCall: true, o.InfluencedRevenueUsd, o.At) },
        AskWithdrawn w => this with { Outcome = new OutcomeFact(w.Outcome == DealOutcome.Won, AfterCall: false, 0m, w.At) },
        _ => this,
    };

    /// <summary>Adds this request's contributions (<paramref name="sign"/> 1) or takes them out (-1), each in the UTC day it happened.</summary>
    public void AddTo(Func<DateOnly, ProgramTally> day, int sign)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (SubmittedAt is not { } submitted) return;
        var on = day(Day(submitted));
        on.Submitted += sign;
        if (Status != RequestStatus.Deferred)
        {
            foreach (var need in Needs) ProgramTally.Bump(on.Demand, need, sign);
        }
        if (Waiting)
        {
            foreach (var need in Needs) ProgramTally.Bump(on.Waiting, need, sign);
        }
        ProgramTally.Bump(on.ByStanding, Standing.ToString(), sign);
        if (FulfilMinutes is { } minutes) day(Day(IntroducedAt!.Value)).AddFulfil(minutes, sign);
        foreach (var answer in Answers)
        {
            var tally = day(Day(answer.At));
            ProgramTally.Bump(tally.Answers, answer.Answer.ToString(), sign);
            if (answer.Reason is { } reason) tally.BumpReason(answer.Answer, reason, sign);
        }
        foreach (var call in Calls)
        {
            var tally = day(Day(call.At));
            tally.CallsHeld += sign;
            ProgramTally.Bump(tally.CallsPerContact, call.Contact, sign);
            if (call.Gift is not null) ProgramTally.Bump(tally.GiftsPerContact, call.Contact, sign);
        }
        foreach (var debrief in Debriefs)
        {
            var tally = day(Day(debrief.At));
            tally.Debriefs += sign;
            if (!debrief.Happened) tally.DebriefsCallMissed += sign;
        }
        if (Outcome is { } outcome) day(Day(outcome.At)).AddOutcome(outcome, sign);
    }

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private RequestFacts Answered(Answer answer, DateTimeOffset at, string? reason) =>
        this with { Answers = [.. Answers, new AnswerFact(answer, at, Metrics.Answers.Reason(reason))] };
}

public sealed record AnswerFact(Answer Answer, DateTimeOffset At, string? Reason);

/// <summary>A call held, credited to the contact who took it, with the kind of gift they were thanked with (null: words only).</summary>
public sealed record CallFact(string ReferenceId, string ContactId, DateTimeOffset At, GiftKind? Gift)
{
    public string Contact => new ReferenceFlow.Domain.References.ContactKey(ReferenceId, ContactId).ToString();
}

public sealed record DebriefFact(DateTimeOffset At, bool Happened);

/// <summary>The deal's outcome: after a call held (with the revenue it influenced), or before any call (nothing credited).</summary>
public sealed record OutcomeFact(bool Won, bool AfterCall, decimal InfluencedRevenueUsd, DateTimeOffset At);
