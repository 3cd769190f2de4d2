using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Storage.Nominations;

namespace ReferenceFlow.Workflow.Nominations;

/// <summary>
/// Sends one email of an invitation, once (<see cref="EmailOnce"/>): the invitation and its reminders only while the
/// contact has not answered, the welcome only once they joined. Returns whether it was sent.
/// </summary>
[DurableTask(NominationNames.SendEmail)]
public sealed partial class SendNominationEmailActivity(
    NominationStore store, EmailOnce email, WorkflowPolicy policy, TimeProvider clock, ILogger<SendNominationEmailActivity> logger)
    : TaskActivity<NominationEmailInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, NominationEmailInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        if (await store.GetAsync(input.NominationId, ct) is not { } n) return false;
        OutboundEmail? message = input.Email switch
        {
            NominationEmail.Welcome when n is { State: NominationState.Joined, JoinedAs: { } contactId } => NominationEmails.Welcome(n, contactId),
            NominationEmail.Invitation when n.AwaitsAnswer(clock.GetUtcNow()) => NominationEmails.Invitation(n, n.InvitationExpiresAt!.Value),
            NominationEmail.FirstReminder or NominationEmail.SecondReminder when n.AwaitsAnswer(clock.GetUtcNow()) => NominationEmails.Reminder(n, n.InvitationExpiresAt!.Value, policy.BusinessTimeZone),
            _ => null,
        };
        if (message is null) return false;
        var refusal = await email.SendAsync(Partition(n.Id), $"{n.Id}:{input.Email}", message, ct);
        if (refusal is null) return true;
        LogRefused(logger, n.Id, input.Email.ToString(), refusal);
        await store.UpdateAsync(n.Id, x => x.Noted(clock.GetUtcNow(), $"The {input.Email} email could not be delivered: {refusal}"), ct);
        return false;
    }

    /// <summary>The once-only marks of a nomination's emails, apart from every request's.</summary>
    public static string Partition(string nominationId) => "nomination:" + nominationId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nomination {NominationId}: the mail server refused the {Email} email for good: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string nominationId, string email, string refusal);
}
