namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// The kinds of durable timer a request sets (TimerDue.Kind), each with what it will do when it fires, in words: the
/// kind's name is stored and shown by the API, its text is what the request page says.
/// </summary>
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

    /// <summary>
    /// What a timer of <paramref name="kind"/> will do; a kind this code does not know is shown as its name. A timeout of
    /// the ask of candidate <paramref name="parallelCandidate"/> (numbered from 1), asked in parallel, lets that ask go.
    /// </summary>
    public static string Text(string kind, int? parallelCandidate = null) => (kind, parallelCandidate) switch
    {
        (OwnerApprovalTimeout, { } n) => $"Let candidate {n} go if their owner hasn't answered",
        (ReferenceConsentTimeout, { } n) => $"Let candidate {n} go if they haven't answered",
        _ => Plain(kind),
    };

    private static string Plain(string kind) => kind switch
    {
        OwnerReminder => "Remind the owner",
        OwnerEscalation => "Escalate to the program manager",
        OwnerApprovalTimeout => "Move on to the next candidate if the owner hasn't answered",
        ReferenceConsentTimeout => "Move on if the reference hasn't answered",
        SlotSearchRetry => "Look for a free slot again",
        CandidateCheckRetry => "Check the next candidates again if the check hasn't answered",
        DebriefDue => "Ask for the debrief",
        DebriefReminder => "Remind about the debrief",
        OutcomeNudge => "Ask for the deal's outcome",
        _ => kind,
    };
}
