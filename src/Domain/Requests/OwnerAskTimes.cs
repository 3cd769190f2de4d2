namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// When an owner's ask is reminded, escalated and given up. Without a reminder and an escalation time there is no time to
/// wait for the owner: the program manager is told as the owner is asked. <paramref name="Squeezed"/>: the policy's delays
/// did not fit the time the request has left, so they were shortened; there is no room to ask one candidate after another.
/// </summary>
public sealed record OwnerAskTimes(DateTimeOffset? RemindAt, DateTimeOffset? EscalateAt, DateTimeOffset TimeoutAt, bool Squeezed = false)
{
    public bool EscalateNow => EscalateAt is null;
}
