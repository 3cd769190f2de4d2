using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// One reference request as a Durable Task orchestration (instance id = request id) hosting the
/// pure decider. Each execution decides one command — a pending one, else the first of the earliest
/// due timer and a command event — with the orchestration's clock, applies its effects through
/// activities, and continues as new with the new state and the commands that arrived meanwhile. It holds
/// no business rule: what to wait for, what happened and what to tell whom all come from the decider.
/// It never completes on its own: a request in an end state still records late answers, and waiting
/// on an event without a timer costs nothing.
/// </summary>
[DurableTask(WorkflowNames.Orchestrator)]
public sealed partial class RequestOrchestrator : TaskOrchestrator<RequestRun, RequestState>
{
    public override async Task<RequestState> RunAsync(TaskOrchestrationContext context, RequestRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<RequestOrchestrator>();
        var decider = new RequestDecider(input.Policy);
        var pending = input.Pending.ToList();
        RequestCommand command;
        Task<CommandMessage>? listening = null;
        var confirming = input.ConfirmAt;
        if (confirming is not null)
        {
            // The submitter decided the submission at its own time and is applying it: decide it exactly so.
            command = pending[0];
            pending.RemoveAt(0);
        }
        else if (pending.Count > 0)
        {
            command = pending[0] with { At = Now(context) };
            pending.RemoveAt(0);
        }
        else
        {
            (command, listening) = await NextCommandAsync(context, decider, input.State);
            command = command with { At = Now(context) };
        }

        var now = Now(context);
        var events = Decide(decider, command, input.State, context.InstanceId, log);
        input = input with { ConfirmAt = null };
        if (events.Count == 0)
        {
            return Continue(context, input with { Pending = pending }, listening);
        }

        var decision = Decision.Make(decider, context.InstanceId, input.Version, input.State, events);
        if (confirming is { } confirmAt)
        {
            // Give the submitter its chance first: apply when the confirmation is due, the new state's first timer is, or a command comes.
            listening = await UntilAsync(context, decision.After.PendingTimers.Select(t => t.DueAt).Append(confirmAt).Min());
        }
        var applied = await ApplyAsync(context, decider, decision, input.Retry, now, log);
        if (applied is Applied.MovedOn)
        {
            // The history holds other events at these versions: go on from the history, deciding the same command against it.
            if (await ReadStoredAsync(context, input.Retry, log) is { } stored)
            {
                LogMovedOn(log, context.InstanceId, input.Version, stored.Version);
                return Continue(context, input with { State = stored.State, Version = stored.Version, Pending = [command, .. pending] }, listening);
            }
            applied = new Applied.Stalled();
        }
        if (applied is not Applied.Done done)
        {
            // Nothing of this decision may count before its history is written: wait, then decide the same command again.
            await context.CreateTimer(input.Retry.StalledRetryAfter, CancellationToken.None);
            return Continue(context, input with { Pending = [command, .. pending], ConfirmAt = confirming }, listening);
        }

        pending.AddRange(done.Failures);
        foreach (var search in decision.SlotSearches)
        {
            pending.AddRange(await AnswerAsync<SlotRequest, ProposedSlot>(context, WorkflowNames.FindSlot, search, slot => new ProposeSlot(slot, now), input.Retry, log));
        }
        foreach (var check in decision.CandidateChecks)
        {
            pending.AddRange(await AnswerAsync<CandidateCheck, ChooseCandidate>(context, WorkflowNames.CheckCandidates, check, chosen => chosen, input.Retry, log));
        }
        return Continue(context, input with { State = decision.After, Version = decision.ToVersion, Pending = pending }, listening);
    }

    /// <summary>Waits until <paramref name="at"/> or a command, whichever comes first; the command wait, when one was opened.</summary>
    private static async Task<Task<CommandMessage>?> UntilAsync(TaskOrchestrationContext context, DateTimeOffset at)
    {
        if (at <= Now(context))
        {
            return null;
        }
        var command = context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(at.UtcDateTime, cancelTimer.Token);
        if (await Task.WhenAny(command, timer) == command)
        {
            cancelTimer.Cancel();
        }
        return command;
    }

    /// <summary>
    /// The first of: a command event, or the earliest timer the state has pending. When the timer wins, the
    /// command wait stays open (returned), so a command that arrives while the timer's decision is applied
    /// joins the next input; nothing is left to how the SDK treats a cancelled wait.
    /// </summary>
    private static async Task<(RequestCommand Command, Task<CommandMessage>? Listening)> NextCommandAsync(
        TaskOrchestrationContext context, RequestDecider decider, RequestState state)
    {
        var command = context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        var due = state.PendingTimers.MinBy(t => t.DueAt);
        if (due is null)
        {
            return ((await command).Command, null);
        }
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(due.DueAt.UtcDateTime, cancelTimer.Token);
        if (await Task.WhenAny(command, timer) == command)
        {
            cancelTimer.Cancel();
            return ((await command).Command, null);
        }
        // A timer may fire up to a second early (queue visibility is whole seconds): the decider re-checks the deadline.
        return (decider.TimerElapsed(due, Now(context)), command);
    }

    /// <summary>
    /// Continues as new with every command that arrived meanwhile in the next input (in order, after those
    /// already pending), rather than have the SDK send each one to the next execution again: a burst of n
    /// commands then costs n messages, not n²/2. The one command wait left open passes on whatever reaches
    /// it after this point.
    /// </summary>
    private static RequestState Continue(TaskOrchestrationContext context, RequestRun next, Task<CommandMessage>? listening)
    {
        var pending = next.Pending.ToList();
        var wait = listening ?? context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        while (wait.IsCompletedSuccessfully)
        {
            pending.Add(wait.Result.Command);
            // A command that came while no wait was open was kept by the engine: a new wait takes it at once.
            wait = context.WaitForExternalEvent<CommandMessage>(WorkflowNames.CommandEvent);
        }
        _ = wait.ContinueWith(
            arrived => context.SendEvent(context.InstanceId, WorkflowNames.CommandEvent, arrived.Result),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Current);
        context.ContinueAsNew(next with { Pending = pending }, preserveUnprocessedEvents: true);
        return next.State;
    }

    private static IReadOnlyList<RequestEvent> Decide(RequestDecider decider, RequestCommand command, RequestState state, string requestId, ILogger log)
    {
        try
        {
            return decider.Decide(command, state);
        }
        catch (Exception e) when (e is DomainException or ArgumentException)
        {
            // The request service decided against the state it read; the state moved on before this command arrived.
            LogRefused(log, requestId, command.GetType().Name, e.Message);
            return [];
        }
    }

    /// <summary>What applying a decision came to: done (with the commands that record permanent failures), stalled (it could
    /// not be applied; try again later), or moved on (the history holds other events at those versions).</summary>
    private abstract record Applied
    {
        public sealed record Done(IReadOnlyList<RequestCommand> Failures) : Applied;

        public sealed record Stalled : Applied;

        public sealed record MovedOn : Applied;
    }

    /// <summary>History, read model, usage and emails of one decision.</summary>
    private static async Task<Applied> ApplyAsync(
        TaskOrchestrationContext context, RequestDecider decider, Decision decision, EffectRetry retry, DateTimeOffset now, ILogger log)
    {
        try
        {
            var failures = await context.CallActivityAsync<IReadOnlyList<EffectFailure>>(WorkflowNames.ApplyDecision, decision, Options(retry));
            return new Applied.Done(failures.Select(f => decider.EffectFailed(f, now)).ToList());
        }
        catch (TaskFailedException e) when (IsMovedOn(e.FailureDetails))
        {
            return new Applied.MovedOn();
        }
        catch (TaskFailedException e)
        {
            LogStalled(log, context.InstanceId, decision.ToVersion, e.FailureDetails.ErrorMessage);
            return new Applied.Stalled();
        }
        catch (JsonException e)
        {
            // The engine completed this task with another's answer (a timer of an episode it lost to a crash): whether
            // the decision was applied is not known, so it is applied again, which changes nothing if it was.
            LogForeignAnswer(log, context.InstanceId, WorkflowNames.ApplyDecision, e.Message);
            return new Applied.Stalled();
        }
    }

    /// <summary>The request as its history stands, or null when it cannot be read now (the stalled retry reads it again).</summary>
    private static async Task<RequestSnapshot?> ReadStoredAsync(TaskOrchestrationContext context, EffectRetry retry, ILogger log)
    {
        try
        {
            return await context.CallActivityAsync<RequestSnapshot>(WorkflowNames.ReadRequest, context.InstanceId, Options(retry));
        }
        catch (TaskFailedException e)
        {
            LogUnanswered(log, context.InstanceId, WorkflowNames.ReadRequest, e.FailureDetails.ErrorMessage);
            return null;
        }
        catch (JsonException e)
        {
            LogForeignAnswer(log, context.InstanceId, WorkflowNames.ReadRequest, e.Message);
            return null;
        }
    }

    // By name: the failure's type is not loaded from its name on every host.
    private static bool IsMovedOn(TaskFailureDetails? failure) =>
        failure?.ErrorType == typeof(HistoryMovedOnException).FullName || failure?.InnerFailure is { } inner && IsMovedOn(inner);

    /// <summary>
    /// An activity whose answer is the request's next command (a slot found, the candidate to ask). When it fails after
    /// every retry there is no command: the state holds a retry timer for it, and nothing is decided on a guess.
    /// </summary>
    private static async Task<IReadOnlyList<RequestCommand>> AnswerAsync<TInput, TAnswer>(
        TaskOrchestrationContext context, string activity, TInput input, Func<TAnswer, RequestCommand> command, EffectRetry retry, ILogger log)
    {
        try
        {
            return [command(await context.CallActivityAsync<TAnswer>(activity, input, Options(retry)))];
        }
        catch (TaskFailedException e)
        {
            LogUnanswered(log, context.InstanceId, activity, e.FailureDetails.ErrorMessage);
            return [];
        }
        catch (JsonException e)
        {
            // Another task's answer (see ApplyAsync): no command, and the state's retry timer runs the activity again.
            LogForeignAnswer(log, context.InstanceId, activity, e.Message);
            return [];
        }
    }

    /// <summary>Retries with back-off, except a history that moved on: trying that again cannot succeed.</summary>
    private static TaskOptions Options(EffectRetry retry) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetry, 2.0, retry.MaxInterval) { HandleFailure = f => !IsMovedOn(f) });

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} refused {Command}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestId, string command, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} could not apply version {Version} after every retry ({Error}); it will decide again later")]
    private static partial void LogStalled(ILogger logger, string requestId, long version, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the engine answered {Activity} with something else ({Error}); it is run again")]
    private static partial void LogForeignAnswer(ILogger logger, string requestId, string activity, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} found its history at version {Stored} while at {Version}; it goes on from the history")]
    private static partial void LogMovedOn(ILogger logger, string requestId, long version, long stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: {Activity} failed after every retry ({Error}); its retry timer will run it again")]
    private static partial void LogUnanswered(ILogger logger, string requestId, string activity, string error);
}
