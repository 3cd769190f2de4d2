namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// When an owner's ask is reminded, escalated and given up. Without a reminder and an escalation time there is no time to
/// wait for the owner: the program manager is told as the owner is asked.
/// </summary>
public sealed record OwnerAskTimes(DateTimeOffset? RemindAt, DateTimeOffset? EscalateAt, DateTimeOffset TimeoutAt)
{
    public bool EscalateNow => EscalateAt is null;
}
