using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The request workflow as its callers see it: start a request, hand it a command, read its state
/// and history. Every command is decided first against the state read, so what the state refuses
/// is refused at once (<see cref="Domain.Workflow.DomainException"/>) and an unknown request is a
/// clear not-found: the engine drops events for instances that do not exist, silently.
/// The submitter applies the first decision itself (the owner's ask goes out at once, not two queue hops later), and the
/// request applies it again a little later, which changes nothing unless the submitter died half-way (decision 011).
/// </summary>
public sealed partial class RequestWorkflow(
    DurableTaskClient client, RequestStore store, DecisionApplier applier, ContactReservations reservations, WorkflowPolicy policy,
    IOptions<WorkflowOptions> options, ILogger<RequestWorkflow> logger)
{
    private readonly RequestDecider _decider = new(policy);

    // A burst of submissions applies a few first decisions at a time: unbounded, their storage calls would queue in front
    // of the submissions' own and make every answer wait for every email.
    private readonly SemaphoreSlim _applying = new(FirstDecisionsAtOnce);
    private const int FirstDecisionsAtOnce = 8;

    /// <summary>The request as its history stands; right after submission, before the first decision is recorded,
    /// the state the decider makes of the submission, at version 0.</summary>
    public Task<RequestSnapshot?> LoadAsync(string requestId, CancellationToken ct) =>
        Guard(() => LoadCoreAsync(requestId, ct));

    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string requestId, CancellationToken ct) =>
        Guard(() => store.ReadHistoryAsync(requestId, ct));

    /// <summary>Starts the request's orchestration once; the same id again answers with the request as it stands.</summary>
    public Task<Submission> SubmitAsync(SubmitRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Guard(async () =>
        {
            var id = command.RequestId;
            // The engine's own duplicate check reads before it writes, so two submissions racing (a double
            // click) would both start: the first to set this mark starts the request.
            if (!await store.TryMarkAsync(id, SubmittedMark, ct))
            {
                var started = await StartedByAnotherAsync(command, ct);
                return new Submission(id, (started ?? throw new StorageUnavailableException("The request is still starting.")).State.Status, Created: false);
            }
            (command, var first) = await ReserveFirstAsync(command, ct);
            var run = FirstRun(command, first);
            await StartAsync(id, run, ct);
            if (run.ConfirmAt is not null)
            {
                // Not awaited: the answer does not wait on the mail server; the request's confirmation covers a crash meanwhile.
                _ = Task.Run(() => ApplyFirstAsync(first), CancellationToken.None);
            }
            return new Submission(id, first.After.Status, Created: true);
        });
    }

    /// <summary>Decides <paramref name="command"/> against the request's state, then hands it to the request.</summary>
    public Task<CommandOutcome> SendAsync(string requestId, RequestCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Guard<CommandOutcome>(async () =>
        {
            var snapshot = await LoadCoreAsync(requestId, ct);
            if (snapshot is null || !snapshot.State.IsSubmitted)
            {
                return new CommandOutcome.NotFound();
            }
            var events = _decider.Decide(command, snapshot.State);
            if (events.Count > 0)
            {
                await WaitUntilRunningAsync(requestId, ct);
                await client.RaiseEventAsync(requestId, WorkflowNames.CommandEvent, new CommandMessage(command), ct);
            }
            return new CommandOutcome.Accepted(Fold(snapshot.State, events), events);
        });
    }

    private const string SubmittedMark = "submitted";

    /// <summary>
    /// The engine drops an event that reaches an instance before its first execution is recorded ("no such instance"), and a
    /// request can be answered that early: its submitter sends the owner's email itself (decision 011), and a host that died
    /// holding the start message leaves it unprocessed until the message lapses. So a command waits for the request to have
    /// run once; one still not running after a few seconds is an outage its caller retries (503), never a command lost.
    /// </summary>
    private async Task WaitUntilRunningAsync(string requestId, CancellationToken ct)
    {
        for (var look = 1; ; look++)
        {
            var instance = await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, ct);
            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed && look == 1)
            {
                await RestartFromHistoryAsync(requestId, ct);
                continue;
            }
            if (instance is null || instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending) return;
            if (look == StartingLooks) throw new StorageUnavailableException("The request is still starting; try again in a few seconds.");
            await Task.Delay(StartingLookEvery, ct);
        }
    }

    /// <summary>How often a host looks for requests whose orchestration failed (<see cref="RestartFailedAsync"/>).</summary>
    public static readonly TimeSpan FailedLookEvery = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Starts again, from its history, every request whose orchestration failed. A command brings such a request back by
    /// itself; this is for the request nobody answers, whose reminders and timeouts are its orchestration's timers and
    /// would never come. Returns how many it started again.
    /// </summary>
    public async Task<int> RestartFailedAsync(CancellationToken ct)
    {
        var restarted = 0;
        var failed = client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] });
        await foreach (var instance in failed.WithCancellation(ct))
        {
            if (instance.Name == WorkflowNames.Orchestrator && await RestartFromHistoryAsync(instance.InstanceId, ct)) restarted++;
        }
        return restarted;
    }

    /// <summary>
    /// A request whose orchestration failed (the engine could not go on from its own records after a crash) starts again
    /// from the product's history, under today's policy. Two that do at once start it once: the second finds it pending,
    /// or loses the race to replace it (the engine's <c>OrchestrationAlreadyExistsException</c>, an InvalidOperationException).
    /// </summary>
    private async Task<bool> RestartFromHistoryAsync(string requestId, CancellationToken ct)
    {
        if (await store.LoadAsync(requestId, ct) is not { } stored) return false;
        LogRestarted(logger, requestId, stored.Version);
        var run = new RequestRun(stored.State, stored.Version, [], policy, options.Value.ToRetry());
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator, run,
                new StartOrchestrationOptions(requestId).WithDedupeStatuses(
                    [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses.Where(s => s != OrchestrationRuntimeStatus.Failed)]), ct);
            return true;
        }
        catch (InvalidOperationException e)
        {
            LogRestartedByAnother(logger, e, requestId);
            return false;
        }
    }

    private const int StartingLooks = 20;
    private static readonly TimeSpan StartingLookEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How the request starts: confirming the first decision the submitter applies, or, when that decision needs an
    /// activity's answer (a slot, a candidate check), deciding and applying the submission itself.
    /// </summary>
    private RequestRun FirstRun(SubmitRequest command, Decision first)
    {
        var run = RequestRun.Submit(command, policy, options.Value.ToRetry());
        return first.SlotSearches.Count == 0 && first.CandidateChecks.Count == 0
            ? run with { ConfirmAt = command.At + options.Value.SubmitConfirmAfter }
            : run;
    }

    /// <summary>Schedules the orchestration; with every status deduplicated, an instance that exists is left as it is.</summary>
    private Task StartAsync(string requestId, RequestRun run, CancellationToken ct) =>
        client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator, run,
            new StartOrchestrationOptions(requestId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]), ct);

    /// <summary>
    /// The first decision's history, read model and emails, from here, then the program's figures, which take their turn
    /// after the next request's email; whatever fails is left to the request's confirmation.
    /// </summary>
    private async Task ApplyFirstAsync(Decision first)
    {
        try
        {
            await _applying.WaitAsync();
            try
            {
                await applier.ApplyAllButFiguresAsync(first, CancellationToken.None);
            }
            finally
            {
                _applying.Release();
            }
            await applier.RecordFiguresAsync(first, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFirstLeft(logger, e, first.RequestId);
        }
    }

    /// <summary>
    /// The first decision asks the first candidate's owner, so that contact is reserved first (decision 019). When another
    /// request holds them, or they reached their cap meanwhile, the request checks its candidates and the directory
    /// before it asks anyone, as when it moves on: in a burst of like requests that spreads them over everyone free.
    /// </summary>
    private async Task<(SubmitRequest Command, Decision First)> ReserveFirstAsync(SubmitRequest command, CancellationToken ct)
    {
        var first = Decide(command);
        if (first.After.ReservedContacts is [var contact, ..] && !await reservations.TryReserveAsync(command.RequestId, contact, command.At, ct))
        {
            command = command with { CheckFirst = true };
            first = Decide(command);
        }
        return (command, first);
    }

    private Decision Decide(SubmitRequest command) =>
        Decision.Make(_decider, command.RequestId, 0, RequestState.Initial, _decider.Decide(command, RequestState.Initial));

    /// <summary>
    /// The submission that set the mark is starting the request; should it have died before starting it,
    /// this one starts it after a few seconds, so a retried submission never stays a request that does not exist.
    /// </summary>
    private async Task<RequestSnapshot?> StartedByAnotherAsync(SubmitRequest command, CancellationToken ct)
    {
        for (var wait = 0; wait < 50; wait++)
        {
            if (await LoadCoreAsync(command.RequestId, ct) is { } started) return started;
            await Task.Delay(100, ct);
        }
        (command, var first) = await ReserveFirstAsync(command, ct);
        await StartAsync(command.RequestId, FirstRun(command, first), ct);
        return await LoadCoreAsync(command.RequestId, ct);
    }

    private async Task<RequestSnapshot?> LoadCoreAsync(string requestId, CancellationToken ct) =>
        !KeyEncoding.Fits(requestId) ? null : await store.LoadAsync(requestId, ct) ?? await StartingAsync(requestId, ct);

    /// <summary>A request whose orchestration exists but has not written its history yet (a moment after submission).</summary>
    private async Task<RequestSnapshot?> StartingAsync(string requestId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(requestId, getInputsAndOutputs: true, ct);
        if (instance?.ReadInputAs<RequestRun>() is not { Version: 0, Pending: [SubmitRequest submit, ..] })
        {
            return null;
        }
        return new RequestSnapshot(requestId, 0, Fold(RequestState.Initial, _decider.Decide(submit, RequestState.Initial)));
    }

    private RequestState Fold(RequestState state, IReadOnlyList<RequestEvent> events) => events.Aggregate(state, _decider.Evolve);

    private static Task<T> Guard<T>(Func<Task<T>> action) => EngineFaults.Guard(action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: its orchestration had failed; it starts again from its history at version {Version}")]
    private static partial void LogRestarted(ILogger logger, string requestId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: another command restarted it first")]
    private static partial void LogRestartedByAnother(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: applying its first decision at submission failed; the request will apply it")]
    private static partial void LogFirstLeft(ILogger logger, Exception exception, string requestId);
}
