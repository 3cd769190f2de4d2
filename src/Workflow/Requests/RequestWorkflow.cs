using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The request workflow as its callers see it: submit a request, hand it a command, read its state and history. The
/// history is the request's only truth (decision 025): the submitter decides and records the submission through the
/// request's handler and carries out its effects at once (the owner's ask leaves before the answer), then starts the
/// orchestration that keeps the request's time. Every later command is handed to the orchestration and recorded where it
/// arrives, through the same handler, so what the state refuses is refused at once
/// (<see cref="Domain.Workflow.DomainException"/>); the orchestration carries out its effects and follow-ups.
/// </summary>
public sealed partial class RequestWorkflow(
    DurableTaskClient client, RequestStore store, RequestCommandHandler handler, ContactHolder holder,
    IOptions<WorkflowOptions> options, ILogger<RequestWorkflow> logger)
{
    public Task<RequestSnapshot?> LoadAsync(string requestId, CancellationToken ct) =>
        Guard(async () => KeyEncoding.Fits(requestId) ? await store.LoadAsync(requestId, ct) : null);

    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string requestId, CancellationToken ct) =>
        Guard(() => store.ReadHistoryAsync(requestId, ct));

    /// <summary>
    /// Records the submission, starts the request's orchestration and carries out the submission's effects. The same submission
    /// again (a retry after a failure, a double click) finds it recorded: it finishes what the first left undone and
    /// answers with the request as it stands.
    /// </summary>
    public Task<Submission> SubmitAsync(SubmitRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Guard(async () =>
        {
            var id = command.RequestId;
            var (submission, decided) = await HoldFirstAsync(command, ct);
            // A new request has no history to read; the same submission again finds its own on append.
            var recorded = await handler.RecordAsync(id, CommandMessage.Submit(submission), ct, new RequestSnapshot(id, 0, RequestState.Initial), decided);
            if (recorded.Handled.As == HandledAs.Refused) throw new DomainException(recorded.Handled.Refusal ?? "The request cannot be submitted.");
            // A candidate check is the orchestration's to run: handing the submission over is answered "already applied"
            // with the decision's follow-ups.
            var checks = recorded.Handled.CandidateChecks.Count > 0;
            // Started before the effects, so that it has run by the time the owner answers the email (an event for an
            // instance that has not run yet would have to wait for it).
            await StartAsync(id, new RequestTurn(checks ? [CommandMessage.Submit(command)] : [], recorded.Handled.Next, options.Value.ToRetry(),
                StartedAt: DateTimeOffset.UtcNow), replace: false, ct);
            if (recorded.Decision is { } decision && !checks && !await TryApplyAsync(decision, ct))
            {
                // The orchestration carries them out with its retries: the submission handed over again does that.
                await HandOverAsync(id, CommandMessage.Submit(command), await client.GetInstanceAsync(id, getInputsAndOutputs: false, ct), ct);
            }
            return new Submission(id, recorded.Handled.Status, Created: recorded.Handled.As == HandledAs.Applied);
        });
    }

    /// <summary>
    /// Hands <paramref name="command"/> to the request's orchestration, then decides and records it here through the same
    /// handler, so the answer is the decision as recorded. Both, because the engine can drop an event for an instance whose
    /// first execution is not saved yet: the command is then in the history, and that execution, which can only run late,
    /// catches up with it (decision 025). Should this process die between the two, the orchestration has the command. Its
    /// effects and follow-ups are the orchestration's, with its retries: "already applied" tells it to carry them out.
    /// </summary>
    public Task<CommandOutcome> SendAsync(string requestId, RequestCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Guard<CommandOutcome>(async () =>
        {
            if (!KeyEncoding.Fits(requestId)) return new CommandOutcome.NotFound();
            // Both reads at once: the orchestration's status is needed only to hand the command over, but asking for it
            // beside the history saves a round trip on every command.
            var reading = store.LoadAsync(requestId, ct);
            var orchestration = client.GetInstanceAsync(requestId, getInputsAndOutputs: false, ct);
            await Task.WhenAll(reading, orchestration);
            var (snapshot, instance) = (reading.Result, orchestration.Result);
            if (snapshot is null || !snapshot.State.IsSubmitted)
            {
                return new CommandOutcome.NotFound();
            }
            // Decided once, on what was just read, so that a refusal reaches the caller as the decider put it and a command
            // that changes nothing is not handed over at all; the append records these very events unless the request
            // moved on meanwhile.
            var decided = handler.Decide(command, snapshot.State);
            if (decided.Count == 0)
            {
                return new CommandOutcome.Accepted(snapshot.State, []);
            }
            var message = CommandMessage.FromPerson(command);
            await HandOverAsync(requestId, message, instance, ct);
            var recorded = await handler.RecordAsync(requestId, message, ct, known: snapshot, decided);
            if (recorded.Handled.As == HandledAs.Refused) throw new DomainException(recorded.Handled.Refusal ?? "The request cannot take this now.");
            return recorded.Decision is { } decision
                ? new CommandOutcome.Accepted(decision.After, decision.Events)
                : new CommandOutcome.Accepted(snapshot.State, []);
        });
    }

    /// <summary>
    /// Raises the command on the request's orchestration; one whose orchestration failed, ended or vanished
    /// (<paramref name="instance"/>, as just read) is started afresh from its history with the command pending.
    /// </summary>
    private async Task HandOverAsync(string requestId, CommandMessage message, OrchestrationMetadata? instance, CancellationToken ct)
    {
        if ((instance is null || IsGone(instance.RuntimeStatus)) && await StartFromHistoryAsync(requestId, [message], ct)) return;
        if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Pending) await UntilFirstRunAsync(requestId, ct);
        await client.RaiseEventAsync(requestId, WorkflowNames.CommandEvent, message, ct);
    }

    /// <summary>
    /// How long a command waits for an orchestration whose first execution is not saved yet, before it is raised anyway:
    /// longer than <see cref="RequestOrchestrator.LateFirstRun"/>, with a second to spare for clocks of different hosts.
    /// </summary>
    public static readonly TimeSpan FirstRunWait = RequestOrchestrator.LateFirstRun + TimeSpan.FromSeconds(1);

    /// <summary>How often a command waiting for a starting orchestration looks at it.</summary>
    public static readonly TimeSpan FirstRunLook = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until the orchestration's first execution is saved, at most <see cref="FirstRunWait"/>: the engine drops an
    /// event that reaches it before (decision 046). One still starting after that runs late enough to catch up with the
    /// history, where the command is recorded.
    /// </summary>
    private async Task UntilFirstRunAsync(string requestId, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < FirstRunWait)
        {
            await Task.Delay(FirstRunLook, ct);
            if ((await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, ct))?.RuntimeStatus != OrchestrationRuntimeStatus.Pending) return;
        }
    }

    /// <summary>How often a host looks for requests whose orchestration failed (<see cref="RestartFailedAsync"/>).</summary>
    public static readonly TimeSpan FailedLookEvery = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Starts again, from its history, every request whose orchestration failed. A command brings such a request back by
    /// itself; this is for the request nobody answers, whose reminders and timeouts would never come. Returns how many.
    /// </summary>
    public async Task<int> RestartFailedAsync(CancellationToken ct)
    {
        var restarted = 0;
        var failed = client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] });
        await foreach (var instance in failed.WithCancellation(ct))
        {
            if (instance.Name == WorkflowNames.Orchestrator && await StartFromHistoryAsync(instance.InstanceId, [], ct)) restarted++;
        }
        return restarted;
    }

    /// <summary>
    /// A fresh orchestration for a request whose own failed, ended or vanished: it waits on the timer the history says is
    /// due first, with <paramref name="pending"/> to hand over. Two callers at once start it once: the second loses the
    /// race (the engine's <c>OrchestrationAlreadyExistsException</c>, an InvalidOperationException) and gets false.
    /// </summary>
    private async Task<bool> StartFromHistoryAsync(string requestId, IReadOnlyList<CommandMessage> pending, CancellationToken ct)
    {
        if (await store.LoadAsync(requestId, ct) is not { } stored) return false;
        LogRestarted(logger, requestId, stored.Version);
        try
        {
            // It may have missed commands the history holds: it catches up first.
            await StartAsync(requestId, new RequestTurn(pending, stored.State.NextTimer, options.Value.ToRetry(), DateTimeOffset.MinValue), replace: true, ct);
            return true;
        }
        catch (InvalidOperationException e)
        {
            LogRestartedByAnother(logger, e, requestId);
            return false;
        }
    }

    /// <summary>Schedules the orchestration. An instance that is running or about to is left as it is; with
    /// <paramref name="replace"/> one that failed or ended is replaced, and without it kept too.</summary>
    private async Task StartAsync(string requestId, RequestTurn turn, bool replace, CancellationToken ct)
    {
        var kept = StartOrchestrationOptionsExtensions.ValidDedupeStatuses.Where(s => !replace || !IsGone(s)).ToArray();
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator, turn, new StartOrchestrationOptions(requestId).WithDedupeStatuses(kept), ct);
        }
        catch (InvalidOperationException) when (!replace)
        {
            // Started already (a retried submission, or a command that came first): that orchestration keeps the request's time.
        }
    }

    private static bool IsGone(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>A decision's effects, here and now; false when any could not be carried out (the orchestration will).</summary>
    private async Task<bool> TryApplyAsync(Decision decision, CancellationToken ct)
    {
        try
        {
            await handler.ApplyAsync(decision, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFirstLeft(logger, e, decision.RequestId);
            return false;
        }
    }

    /// <summary>
    /// The submission decided, with the contacts its first decision asks about held first (decisions 019, 028; several when
    /// it asks at once, 041). When another request holds one, or they reached their cap meanwhile, those held are let go
    /// and it is decided again to check its candidates and the directory before it asks anyone, as when it moves on: in a
    /// burst of like requests that spreads them over everyone free.
    /// </summary>
    private async Task<(SubmitRequest Command, IReadOnlyList<RequestEvent> Events)> HoldFirstAsync(SubmitRequest command, CancellationToken ct)
    {
        var events = handler.Decide(command, RequestState.Initial);
        var asked = handler.After(RequestState.Initial, events).HeldContacts;
        var held = new List<ContactKey>();
        foreach (var contact in asked)
        {
            if (!await holder.TryHoldAsync(command.RequestId, contact, command.At, ct)) break;
            held.Add(contact);
        }
        if (held.Count == asked.Count)
        {
            return (command, events);
        }
        foreach (var contact in held) await holder.ReleaseAsync(contact, command.RequestId, ct);
        var checkFirst = command with { CheckFirst = true };
        return (checkFirst, handler.Decide(checkFirst, RequestState.Initial));
    }

    private static Task<T> Guard<T>(Func<Task<T>> action) => EngineFaults.Guard(action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: its orchestration is started again from its history at version {Version}")]
    private static partial void LogRestarted(ILogger logger, string requestId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: another caller started it first")]
    private static partial void LogRestartedByAnother(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: carrying out a decision's effects failed; its orchestration will")]
    private static partial void LogFirstLeft(ILogger logger, Exception exception, string requestId);
}
