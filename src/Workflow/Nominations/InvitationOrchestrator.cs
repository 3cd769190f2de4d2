using Microsoft.DurableTask;
using ReferenceFlow.Domain.Nominations;

namespace ReferenceFlow.Workflow.Nominations;

/// <summary>
/// A nomination's invitation as a Durable Task orchestration (instance <see cref="NominationNames.InstanceId"/>): sends the
/// invitation, waits for the contact's answer with a durable timer for each reminder and for the timeout, then settles the
/// nomination (joins the directory on a yes, expires on silence) and, for a yes, sends the welcome. Every step is an activity
/// that may run twice and does its work once; the answer itself lives on the nomination, so the event only wakes this up.
/// </summary>
[DurableTask(NominationNames.Orchestrator)]
public sealed class InvitationOrchestrator : TaskOrchestrator<InvitationRun, NominationState>
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<NominationState> RunAsync(TaskOrchestrationContext context, InvitationRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var answered = context.WaitForExternalEvent<string>(NominationNames.AnsweredEvent);
        await CallAsync<bool>(context, NominationNames.SendEmail, new NominationEmailInput(input.NominationId, NominationEmail.Invitation));
        foreach (var (after, email) in new[] { (input.FirstReminderAfter, NominationEmail.FirstReminder), (input.SecondReminderAfter, NominationEmail.SecondReminder) })
        {
            if (after >= input.Timeout || await AnsweredBeforeAsync(context, answered, input.InvitedAt + after)) break;
            await CallAsync<bool>(context, NominationNames.SendEmail, new NominationEmailInput(input.NominationId, email));
        }
        NominationState state;
        while (true)
        {
            var timedOut = !await AnsweredBeforeAsync(context, answered, input.ExpiresAt);
            state = await CallAsync<NominationState>(context, NominationNames.Settle, new SettleInput(input.NominationId, timedOut, context.CurrentUtcDateTime));
            if (state != NominationState.Invited) break;
            // Woken, but no answer is on the nomination (an answer taken back when its event could not be confirmed): wait on.
            answered = context.WaitForExternalEvent<string>(NominationNames.AnsweredEvent);
        }
        if (state == NominationState.Joined)
        {
            await CallAsync<bool>(context, NominationNames.SendEmail, new NominationEmailInput(input.NominationId, NominationEmail.Welcome));
        }
        return state;
    }

    /// <summary>True when the answer came (or had come) before <paramref name="at"/>; false when the timer fired first.</summary>
    private static async Task<bool> AnsweredBeforeAsync(TaskOrchestrationContext context, Task<string> answered, DateTimeOffset at)
    {
        if (answered.IsCompleted) return true;
        if (at.UtcDateTime <= context.CurrentUtcDateTime) return false;
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(at.UtcDateTime, cancel.Token);
        if (await Task.WhenAny(answered, timer) == answered)
        {
            cancel.Cancel();
            return true;
        }
        return false;
    }

    /// <summary>An activity with retries; when storage or mail stay away longer than those, wait and try again rather than give up.</summary>
    private static async Task<T> CallAsync<T>(TaskOrchestrationContext context, string activity, object input)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, Retry);
            }
            catch (TaskFailedException) when (round < 20)
            {
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            }
        }
    }
}
