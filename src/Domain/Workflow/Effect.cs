using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Workflow;

/// <summary>Something an event asks the outside world to do. The workflow gives each a stable id, so a rerun is recognised.</summary>
public abstract record Effect;

/// <summary>Wake the request at <see cref="TimerDue.DueAt"/> (the workflow waits on the state's pending timers).</summary>
public sealed record StartTimer(TimerDue Timer) : Effect;

/// <summary>Send one email.</summary>
public sealed record SendEmail(OutboundEmail Email) : Effect;

/// <summary>Look up the reference's calendar and answer the request with the slot found.</summary>
public sealed record FindSlot(SlotRequest Request) : Effect;

/// <summary>Check which of the request's later candidates may be asked now, and answer with <c>ChooseCandidate</c>.</summary>
public sealed record CheckCandidates(CandidateCheck Check) : Effect;

/// <summary>We were in touch with a reference contact (asked, briefed, introduced, debriefed, thanked, told how it went): keep-warm counts from it.</summary>
public sealed record RecordTouch(string ReferenceId, string ContactId, string RequestId, DateTimeOffset At) : Effect;

/// <summary>Credit a held activity to a contact's usage (read model for caps and fatigue).</summary>
public sealed record RecordUsage(string ReferenceId, string ContactId, string RequestId, string Activity, DateTimeOffset At, decimal InfluencedRevenueUsd) : Effect;

/// <summary>A reference contact was thanked for a request, with what was given if anything (gratitude read model).</summary>
public sealed record RecordThanks(string ReferenceId, string ContactId, string RequestId, DateTimeOffset At, Gift? Gift) : Effect;

/// <summary>A debrief said what the prospect still worried about or what the competitor told them (insights read model).</summary>
public sealed record RecordInsight(DebriefInsight Insight) : Effect;

public sealed record TimerDue(string TimerId, string Kind, DateTimeOffset DueAt);

public sealed record EffectFailure(string EffectId, string EffectKind, string Error, int Attempts);
