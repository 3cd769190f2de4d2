namespace ReferenceFlow.Domain.Policies;

/// <summary>
/// The program's timing and cap rules (configuration section <c>ReferenceFlow:Policy</c>).
/// Defaults are the public contract's.
/// </summary>
public sealed record WorkflowPolicy
{
    public const string Section = "ReferenceFlow:Policy";

    public TimeSpan MinimumLeadTime { get; init; } = TimeSpan.FromDays(3);
    public TimeSpan OwnerReminderAfter { get; init; } = TimeSpan.FromDays(1);
    public TimeSpan OwnerEscalateAfter { get; init; } = TimeSpan.FromDays(2);
    public TimeSpan OwnerApprovalTimeout { get; init; } = TimeSpan.FromDays(3);
    public TimeSpan ReferenceConsentTimeout { get; init; } = TimeSpan.FromDays(3);
    public TimeSpan SlotWindow { get; init; } = TimeSpan.FromDays(1);
    public TimeSpan DebriefAfterCall { get; init; } = TimeSpan.FromHours(2);
    public TimeSpan DebriefReminderAfter { get; init; } = TimeSpan.FromDays(2);
    public TimeSpan OutcomeNudgeAfterClose { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan KeepWarmEvery { get; init; } = TimeSpan.FromDays(90);
    public int MaxCallsPerQuarter { get; init; } = 1;

    /// <summary>
    /// How many candidates a request asks at once when its need-by date leaves no room to ask one after another (the
    /// owner's ask had to be shortened to fit), or when the program manager turned it on; 1 never asks in parallel, and
    /// more than <see cref="Requests.ParallelAsk.Most"/> asks that many.
    /// </summary>
    public int ParallelAsks { get; init; } = 2;
    public bool UseBusinessHours { get; init; } = true;

    /// <summary>IANA id of the program's business hours; owners have no time zone of their own in the directory.</summary>
    public string BusinessTimeZone { get; init; } = "UTC";

    /// <summary>Length of the call the introduction proposes.</summary>
    public TimeSpan CallDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The calendar look-up is asked again when no slot arrived after this long. Its activity retries failures itself, so
    /// this only fires when a search ended with no answer (all retries failed, or a crash lost the answer).
    /// </summary>
    public TimeSpan SlotSearchRetryAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Moving on, the check of the next candidates is run again when it has not answered after this long.</summary>
    public TimeSpan CandidateCheckRetryAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A nominated contact who has not answered the invitation is reminded after this long…</summary>
    public TimeSpan InvitationFirstReminderAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>…once more after this long (from the invitation)…</summary>
    public TimeSpan InvitationSecondReminderAfter { get; init; } = TimeSpan.FromDays(7);

    /// <summary>…and the invitation expires, declined by silence, after this long.</summary>
    public TimeSpan InvitationTimeout { get; init; } = TimeSpan.FromDays(14);
}
