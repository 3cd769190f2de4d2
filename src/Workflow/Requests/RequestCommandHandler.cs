using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The one place a request's commands are decided (decision 025): load the history, decide with the pure decider under
/// the policy the request was submitted with, append the events at the version read together with the command's id,
/// then carry out the decision's effects (read models, usage, holds let go, emails, figures), each once-only by its key.
/// A command the history holds already is not decided twice: its effects are carried out again, which finishes what a
/// crash left half done and changes nothing otherwise. A conflict on append (another decision took the version) reloads
/// and decides again.
/// </summary>
public sealed partial class RequestCommandHandler(
    RequestStore store, DecisionApplier applier, ContactHolder holder, WorkflowPolicy policy, TimeProvider clock,
    ILogger<RequestCommandHandler> logger)
{
    // Rounds of reading and appending again when another command took the version first. Each round one contender wins, so
    // 50 answers to one request at once (bench/WorkflowBench's burst) need about 50 rounds between them, and 8 left one of
    // them losing every round; 24, each waiting a little longer (at most 400 ms), give one about three seconds.
    private const int Attempts = 24;
    private const int LongestWaitMs = 400;
    private readonly RequestDecider _current = new(policy);

    /// <summary>
    /// Decides, records and carries out <paramref name="message"/>. A timer the history no longer expects means whoever
    /// kept it is behind the history: the answer then catches up (<see cref="CatchUpAsync"/>).
    /// </summary>
    public async Task<Handled> HandleAsync(string requestId, CommandMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Most commands an orchestration hands over were recorded where they arrived: one read says so and holds what
        // rebuilding their decision needs; for the others it holds the head to decide on.
        var stored = await store.ReadAsync(requestId, ct);
        var recorded = stored.Commands.TryGetValue(message.CommandId, out var applied)
            ? Rebuilt(requestId, stored.History, applied)
            : await RecordAsync(requestId, message, ct, known: stored.Head ?? new RequestSnapshot(requestId, 0, RequestState.Initial));
        if (recorded.Decision is { } decision) await ApplyAsync(decision, ct);
        return recorded.Handled.As == HandledAs.Unchanged && message.Command is TimerElapsed { Timer.TimerId: var timerId }
               && recorded.Handled.Next?.TimerId != timerId
            ? await CatchUpAsync(requestId, ct)
            : recorded.Handled;
    }

    /// <summary>
    /// Carries out again every command the history holds — their effects, each once-only by its key — and answers with the
    /// last one's follow-ups and the timer due first. For an orchestration that may have missed commands (the engine drops
    /// an event that reaches an instance before its first execution is saved, and with it a submission or a command whose
    /// effects were left to it) or that is behind the history: what it missed is then done, and nothing is decided twice.
    /// </summary>
    public async Task<Handled> CatchUpAsync(string requestId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        var history = await store.ReadHistoryAsync(requestId, ct);
        var state = RequestState.Initial;
        Decision? last = null;
        foreach (var command in ByCommand(history))
        {
            var events = command.Select(h => h.Event).ToList();
            // The submission's decision was made under the policy its own first event records.
            var decision = Decision.Make(DeciderFor(state.IsSubmitted ? state : Fold(events.Take(1))), requestId, last?.ToVersion ?? 0, state, events);
            await ApplyAsync(decision, ct, figures: false);
            (state, last) = (decision.After, decision);
        }
        if (last is null) return Handled.Of(HandledAs.NotFound, 0, RequestState.Initial);
        // The figures once, from the last decision: it folds whatever events they have not counted yet.
        await applier.RecordFiguresAsync(last, ct);
        return Handled.Of(HandledAs.AlreadyApplied, last.ToVersion, state, last);
    }

    /// <summary>
    /// What an orchestration's late first run (or a fresh one started from the history) asks: catch up only when something
    /// may be left undone. Nearly always nothing is: the program's figures, the last effect of every decision, have counted
    /// the whole history, and no follow-up is under way (a slot search, a candidate check), so the request's head says all
    /// there is to know, in two reads instead of carrying out every command again. The figures count a decision only after
    /// its other effects; a command whose event the engine dropped has figures behind the head until someone catches up.
    /// </summary>
    public async Task<Handled> CatchUpIfBehindAsync(string requestId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        var head = store.LoadAsync(requestId, ct);
        var figures = applier.FiguresVersionAsync(requestId, ct);
        await Task.WhenAll(head, figures);
        if (head.Result is { Version: > 0 } known && figures.Result >= known.Version
            && known.State.CheckingFrom is null && known.State.Status != RequestStatus.Scheduling)
        {
            return Handled.Of(HandledAs.AlreadyApplied, known.Version, known.State);
        }
        return await CatchUpAsync(requestId, ct);
    }

    /// <summary>The history's events in runs appended by one command each.</summary>
    private static IEnumerable<List<HistoryEntry>> ByCommand(IReadOnlyList<HistoryEntry> history)
    {
        var run = new List<HistoryEntry>();
        foreach (var entry in history.OrderBy(h => h.Version))
        {
            if (run.Count > 0 && run[0].CommandId != entry.CommandId)
            {
                yield return run;
                run = [];
            }
            run.Add(entry);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>
    /// The events <paramref name="command"/> leads to from <paramref name="state"/>, under the policy the request was
    /// submitted with; throws what the decider throws when the state refuses it.
    /// </summary>
    public IReadOnlyList<RequestEvent> Decide(RequestCommand command, RequestState state) => DeciderFor(state).Decide(command, state);

    /// <summary>The state <paramref name="events"/> lead to from <paramref name="state"/>.</summary>
    public RequestState After(RequestState state, IEnumerable<RequestEvent> events) => events.Aggregate(state, DeciderFor(state).Evolve);

    /// <summary>
    /// Decides and appends <paramref name="message"/> without carrying out its effects; the decision returned (a new one, or
    /// the one the history holds for this command) is the caller's to apply with <see cref="ApplyAsync"/>. A caller that has
    /// just read the request and decided on it passes what it read as <paramref name="known"/> and the events as
    /// <paramref name="decided"/>, which saves reading and deciding again; a conflict on append reads and decides afresh.
    /// </summary>
    public async Task<Recorded> RecordAsync(
        string requestId, CommandMessage message, CancellationToken ct, RequestSnapshot? known = null, IReadOnlyList<RequestEvent>? decided = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = (attempt == 1 ? known : null)
                ?? await store.LoadAsync(requestId, ct) ?? new RequestSnapshot(requestId, 0, RequestState.Initial);
            if (!snapshot.State.IsSubmitted && message.Command is not SubmitRequest)
            {
                return new Recorded(Handled.Of(HandledAs.NotFound, 0, snapshot.State), null);
            }
            var decider = DeciderFor(snapshot.State);
            IReadOnlyList<RequestEvent> events;
            try
            {
                events = attempt == 1 && known is not null && decided is not null ? decided : decider.Decide(message.Command, snapshot.State);
            }
            catch (Exception e) when (e is DomainException or ArgumentException)
            {
                // Most often the same command again after the state moved on with it: that is no refusal.
                if (await AppliedBeforeAsync(requestId, message.CommandId, ct) is { } again) return again;
                LogRefused(logger, requestId, message.Command.GetType().Name, e.Message);
                return new Recorded(Handled.Of(HandledAs.Refused, snapshot.Version, snapshot.State, refusal: e.Message), null);
            }
            if (events.Count == 0)
            {
                // A repeat the decider recognises as such may still be this very command, whose effects a crash cut short.
                return await AppliedBeforeAsync(requestId, message.CommandId, ct) ?? new Recorded(Handled.Of(HandledAs.Unchanged, snapshot.Version, snapshot.State), null);
            }

            var decision = Decision.Make(decider, requestId, snapshot.Version, snapshot.State, events);
            switch (await store.AppendAsync(requestId, snapshot.Version, message.CommandId, events, decision.After, ct))
            {
                case AppendResult.Appended:
                    // The history let them go: this process's rankings may choose them before their rows are deleted.
                    holder.Forget(decision.Released ?? []);
                    return new Recorded(Handled.Of(HandledAs.Applied, decision.ToVersion, decision.After, decision), decision);
                case AppendResult.AlreadyApplied:
                    return await AppliedBeforeAsync(requestId, message.CommandId, ct)
                        ?? throw new InvalidOperationException($"Request {requestId} holds command {message.CommandId} and does not.");
                case AppendResult.Conflict when attempt < Attempts:
                    // Another command was appended first. Many answers to one request at once would otherwise all read and
                    // try again in step, and one of them could lose every round: each waits a little, longer each time.
                    await Task.Delay(Random.Shared.Next(5, Math.Min(25 * attempt, LongestWaitMs)), ct);
                    continue;
                default:
                    throw new InvalidOperationException($"Request {requestId} kept changing under {Attempts} attempts to decide {message.CommandId}.");
            }
        }
    }

    /// <summary>
    /// Every effect of <paramref name="decision"/>; an email the mail server refused for good is recorded on the request
    /// as a command of its own. Throws when an effect could not be carried out now (the caller retries the whole command).
    /// </summary>
    public async Task ApplyAsync(Decision decision, CancellationToken ct, bool figures = true)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var failures = await applier.ApplyAllButFiguresAsync(decision, ct);
        foreach (var failure in failures)
        {
            await HandleAsync(decision.RequestId, Handled.Failure(failure, clock.GetUtcNow()), ct);
        }
        if (figures) await applier.RecordFiguresAsync(decision, ct);
    }

    /// <summary>The decision the history holds for this command, rebuilt from its events; null when it holds none.</summary>
    private async Task<Recorded?> AppliedBeforeAsync(string requestId, string commandId, CancellationToken ct)
    {
        var stored = await store.ReadAsync(requestId, ct);
        return stored.Commands.TryGetValue(commandId, out var applied) ? Rebuilt(requestId, stored.History, applied) : null;
    }

    /// <summary>The decision <paramref name="applied"/> made, rebuilt from the events it appended to <paramref name="history"/>.</summary>
    private Recorded Rebuilt(string requestId, IReadOnlyList<HistoryEntry> history, AppliedCommand applied)
    {
        var before = Fold(history.Where(h => h.Version <= applied.FromVersion).Select(h => h.Event));
        var decided = history.Where(h => h.Version > applied.FromVersion && h.Version <= applied.ToVersion).Select(h => h.Event).ToList();
        // The submission's decision was made under the policy its own first event records.
        var decision = Decision.Make(DeciderFor(before.IsSubmitted ? before : Fold(decided.Take(1))), requestId, applied.FromVersion, before, decided);
        return new Recorded(Handled.Of(HandledAs.AlreadyApplied, applied.ToVersion, Fold(history.Select(h => h.Event)), decision), decision);
    }

    private RequestState Fold(IEnumerable<RequestEvent> events) => events.Aggregate(RequestState.Initial, _current.Evolve);

    /// <summary>A request decides under the policy it was submitted with; one older than that record, under today's.</summary>
    private RequestDecider DeciderFor(RequestState state) => state.Policy is { } kept && kept != policy ? new RequestDecider(kept) : _current;

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} refused {Command}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestId, string command, string reason);
}

/// <summary>What <see cref="RequestCommandHandler.RecordAsync"/> came to, and the decision whose effects are still to be carried out.</summary>
public sealed record Recorded(Handled Handled, Decision? Decision);
