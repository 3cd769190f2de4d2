namespace ReferenceFlow.Domain.Requests;

/// <summary>The kinds of durable timer a request sets (TimerDue.Kind).</summary>
public static class TimerKinds
{
    public const string OwnerReminder = "OwnerReminder";
    public const string OwnerEscalation = "OwnerEscalation";
    public const string OwnerApprovalTimeout = "OwnerApprovalTimeout";
    public const string ReferenceConsentTimeout = "ReferenceConsentTimeout";
    public const string SlotSearchRetry = "SlotSearchRetry";
    public const string CandidateCheckRetry = "CandidateCheckRetry";
    public const string DebriefDue = "DebriefDue";
    public const string DebriefReminder = "DebriefReminder";
    public const string OutcomeNudge = "OutcomeNudge";
}
