using ReferenceFlow.Domain.Policies;

namespace ReferenceFlow.Workflow.Nominations;

/// <summary>The names the engine knows the nomination invitation by; stored in its history, so never renamed.</summary>
public static class NominationNames
{
    public const string Orchestrator = "NominationInvitation";
    public const string SendEmail = "SendNominationEmail";
    public const string Settle = "SettleNomination";

    /// <summary>The contact answered (the answer itself is on the nomination): the one event an invitation waits for.</summary>
    public const string AnsweredEvent = "answered";

    /// <summary>The orchestration of a nomination's invitation.</summary>
    public static string InstanceId(string nominationId) => "nomination-" + nominationId;
}

/// <summary>
/// An invitation's orchestration input, kept small: the nomination, when it was invited, and the timing it was invited
/// under (a policy change applies to invitations sent after it).
/// </summary>
public sealed record InvitationRun(string NominationId, DateTimeOffset InvitedAt, TimeSpan FirstReminderAfter, TimeSpan SecondReminderAfter, TimeSpan Timeout)
{
    public static InvitationRun For(string nominationId, DateTimeOffset invitedAt, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(nominationId, invitedAt, policy.InvitationFirstReminderAfter, policy.InvitationSecondReminderAfter, policy.InvitationTimeout);
    }

    public DateTimeOffset ExpiresAt => InvitedAt + Timeout;
}

/// <summary>Which email of an invitation to send.</summary>
public enum NominationEmail { Invitation, FirstReminder, SecondReminder, Welcome }

public sealed record NominationEmailInput(string NominationId, NominationEmail Email);

/// <summary>Settle a nomination: the contact's answer into the directory, or, when <paramref name="TimedOut"/> and still unanswered, expired.</summary>
public sealed record SettleInput(string NominationId, bool TimedOut, DateTimeOffset At);
