using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// One reference request as a Durable Task orchestration (instance id = request id) that keeps its time and its mailbox
/// and holds no business state (decision 025). Each execution hands what is pending to the request's handler, waits for
/// the first of a command event and the timer the history says is due first, hands that over too, runs the follow-ups the
/// handler asks for (a slot search, a candidate check) and hands over their answers, then continues as new. The history
/// decides everything: a command it holds already is answered "already applied", so an execution the engine set back
/// after a crash changes nothing. It never completes on its own: a request in an end state still records late answers,
/// and waiting on an event without a timer costs nothing.
/// </summary>
[DurableTask(WorkflowNames.Orchestrator)]
public sealed partial class RequestOrchestrator : TaskOrchestrator<RequestTurn, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RequestTurn input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<RequestOrchestrator>();
        var turn = await HandOverAsync(context, input, input.Pending, log);
        if (turn is null) return nameof(HandledAs.NotFound);
        if (turn.Pending.Count > 0 || turn.StartedAt is not null)
        {
            // The handler could not be reached after every retry: wait, then hand the same commands over (or catch up) again.
            await context.CreateTimer(input.Retry.StalledRetryAfter, CancellationToken.None);
            return Continue(context, turn, null);
        }

        var (message, listening) = await NextAsync(context, turn.Next);
        turn = await HandOverAsync(context, turn, [message], log);
        return turn is null ? nameof(HandledAs.NotFound) : Continue(context, turn, listening);
    }

    /// <summary>
    /// The engine drops an event that reaches an instance before its first execution is saved. Whoever raises one waits
    /// longer than this for a starting instance first (<see cref="RequestWorkflow"/>), so an event can be dropped only by an
    /// instance whose first execution runs at least this late after its start, and such an execution catches up with the
    /// history before anything else (decision 046). A burst of submissions runs its first executions a few seconds late
    /// with no event sent them: below this, they need no catch-up.
    /// </summary>
    public static readonly TimeSpan LateFirstRun = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hands <paramref name="commands"/> over one by one, with the answers of the follow-ups each asks for, after catching
    /// up with the history on a first execution that runs late. Returns the next turn: the timer due first as the handler
    /// last said, and whatever could not be handed over; null when the request has no history (an orchestration started
    /// for a submission that never reached it).
    /// </summary>
    private static async Task<RequestTurn?> HandOverAsync(
        TaskOrchestrationContext context, RequestTurn turn, IReadOnlyList<CommandMessage> commands, ILogger log)
    {
        var queue = new Queue<CommandMessage>(commands);
        var next = turn.Next;
        var catchUp = turn.StartedAt is { } started && Now(context) - started >= LateFirstRun;
        while (catchUp || queue.Count > 0)
        {
            var message = catchUp ? null : queue.Peek();
            var handled = message is null
                ? await CallAsync<string, Handled>(context, WorkflowNames.CatchUp, context.InstanceId, turn.Retry, log)
                : await HandleAsync(context, message, turn.Retry, log);
            if (handled is null) return turn with { Pending = [.. queue], Next = next };
            if (message is null) catchUp = false; else queue.Dequeue();
            if (handled.As == HandledAs.NotFound)
            {
                LogNotFound(log, context.InstanceId, message?.CommandId ?? WorkflowNames.CatchUp);
                return null;
            }
            next = handled.Next;
            var now = Now(context);
            for (var i = 0; i < handled.SlotSearches.Count; i++)
            {
                if (await CallAsync<SlotRequest, ProposedSlot>(context, WorkflowNames.FindSlot, handled.SlotSearches[i], turn.Retry, log) is { } slot)
                {
                    queue.Enqueue(handled.SlotAnswer(i, slot, now));
                }
            }
            for (var i = 0; i < handled.CandidateChecks.Count; i++)
            {
                if (await CallAsync<CandidateCheck, ChooseCandidate>(context, WorkflowNames.CheckCandidates, handled.CandidateChecks[i], turn.Retry, log) is { } chosen)
                {
                    queue.Enqueue(handled.CheckAnswer(i, chosen));
                }
            }
        }
        return turn with { Pending = [], Next = next, StartedAt = null };
    }

    /// <summary>The handler's answer; null when it could not be reached after every retry.</summary>
    private static Task<Handled?> HandleAsync(TaskOrchestrationContext context, CommandMessage message, EffectRetry retry, ILogger log) =>
        CallAsync<CommandForRequest, Handled>(context, WorkflowNames.HandleCommand, new CommandForRequest(context.InstanceId, message), retry, log);

    /// <summary>
    /// The first of: a command event, or the timer due first. When the timer wins, the command wait stays open (returned),
    /// so a command that arrives while the timer is handled joins the next turn; nothing is left to how the SDK treats a
    /// cancelled wait. A timer may fire up to a second early (queue visibility is whole seconds): the decider re-checks it.
    /// </summary>
    private static async Task<(CommandMessage Message, Task<CommandMessage>? Listening)> NextAsync(TaskOrchestrationContext context, TimerDue? due)
    {
        var command = context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        if (due is null) return (await command, null);
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(due.DueAt.UtcDateTime, cancelTimer.Token);
        if (await Task.WhenAny(command, timer) == command)
        {
            cancelTimer.Cancel();
            return (await command, null);
        }
        return (CommandMessage.Timer(new TimerElapsed(due, Now(context))), command);
    }

    /// <summary>
    /// Continues as new with every command that arrived meanwhile in the next turn (in order), rather than have the SDK send
    /// each one to the next execution again: a burst of n commands then costs n messages, not n²/2. The one command wait
    /// left open passes on whatever reaches it after this point.
    /// </summary>
    private static string Continue(TaskOrchestrationContext context, RequestTurn next, Task<CommandMessage>? listening)
    {
        var pending = next.Pending.ToList();
        var wait = listening ?? context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        while (wait.IsCompletedSuccessfully)
        {
            pending.Add(wait.Result);
            // A command that came while no wait was open was kept by the engine: a new wait takes it at once.
            wait = context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        }
        _ = wait.ContinueWith(
            arrived => context.SendEvent(context.InstanceId, WorkflowNames.CommandEvent, arrived.Result),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Current);
        context.ContinueAsNew(next with { Pending = pending }, preserveUnprocessedEvents: true);
        return "";
    }

    /// <summary>
    /// An activity's answer (the handler's, or a follow-up's, which is the request's next command); null when the activity
    /// failed after every retry: the command stays pending (the execution waits, then hands it over again), and a follow-up
    /// has the state's retry timer; nothing is decided on a guess.
    /// </summary>
    private static async Task<TAnswer?> CallAsync<TInput, TAnswer>(TaskOrchestrationContext context, string activity, TInput input, EffectRetry retry, ILogger log)
        where TAnswer : class
    {
        try
        {
            return await context.CallActivityAsync<TAnswer>(activity, input, Options(retry));
        }
        catch (TaskFailedException e)
        {
            LogFailed(log, context.InstanceId, activity, e.FailureDetails.ErrorMessage);
            return null;
        }
        catch (JsonException e)
        {
            // The engine completed this task with another's answer (a timer of an episode it lost to a crash): whether it
            // was done is not known, so it is done again, which changes nothing if it was.
            LogForeignAnswer(log, context.InstanceId, activity, e.Message);
            return null;
        }
    }

    private static TaskOptions Options(EffectRetry retry) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetry, 2.0, retry.MaxInterval));

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the engine answered {Activity} with something else ({Error}); it is run again")]
    private static partial void LogForeignAnswer(ILogger logger, string requestId, string activity, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId}: {Activity} failed after every retry ({Error}); it is tried again later")]
    private static partial void LogFailed(ILogger logger, string requestId, string activity, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} has no history; command {CommandId} ends its orchestration")]
    private static partial void LogNotFound(ILogger logger, string requestId, string commandId);
}
