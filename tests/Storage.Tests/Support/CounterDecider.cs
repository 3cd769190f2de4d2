using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>A small decider with every kind of effect the runtime hosts: work, timers, usage, failures.</summary>
public sealed class CounterDecider : IDecider<CounterState, CounterCommand, CounterEvent>
{
    public const string TimerId = "reminder";

    public CounterState Initial => CounterState.Initial;

    public IReadOnlyList<CounterEvent> Decide(CounterCommand command, CounterState state) => (command, state) switch
    {
        (Start, { Started: true }) => throw new DomainException("Already started."),
        (Start s, _) => s.TimerAfter is { } after
            ? [new Started(s.Owner, s.Now), new TimerScheduled(new TimerDue(TimerId, "Reminder", s.Now + after))]
            : [new Started(s.Owner, s.Now)],
        (Elapse e, _) when e.Timer.TimerId == state.PendingTimer => [new TimerFired(e.Timer.TimerId, e.Now)],
        (Elapse, _) => [],
        (_, { Started: false }) => throw new DomainException("Not started."),
        (Increment i, _) => [new Incremented(i.By)],
        (Ping p, _) => [new Pinged(p.Note)],
        (Pong p, _) => [new Ponged(p.EffectId)],
        (Use u, _) => [new UsageHeld(u.RequestId, u.ContactId, u.Now)],
        (Attach a, _) => [new PayloadAttached(a.Payload)],
        (RecordFailure f, _) => [new FailureRecorded(f.Failure)],
        _ => throw new DomainException($"Unknown command {command.GetType().Name}."),
    };

    public CounterState Evolve(CounterState state, CounterEvent @event) => @event switch
    {
        Started s => state with { Started = true, Owner = s.Owner },
        Incremented i => state with { Count = state.Count + 1, Increments = state.Increments.Add(i.By) },
        Pinged => state,
        Ponged p => state with { Pongs = state.Pongs.Add(p.EffectId) },
        TimerScheduled t => state with { PendingTimer = t.Timer.TimerId },
        TimerFired f => state with { PendingTimer = null, FiredTimers = state.FiredTimers.Add(f.TimerId) },
        UsageHeld => state,
        PayloadAttached p => state with { Payload = p.Payload },
        FailureRecorded f => state with { Failures = state.Failures.Add(f.Failure) },
        _ => throw new InvalidOperationException($"Unknown event {@event.GetType().Name}."),
    };

    public IReadOnlyList<Effect> Effects(CounterEvent @event, CounterState after) => @event switch
    {
        Pinged p => [new Poke(p.Note)],
        TimerScheduled t => [new StartTimer(t.Timer)],
        UsageHeld u => [new RecordUsage("ref-1", u.ContactId, u.RequestId, "Call", u.At, 1000m)],
        _ => [],
    };

    public CounterCommand TimerElapsed(TimerDue timer, DateTimeOffset now) => new Elapse(timer, now);

    public CounterCommand EffectFailed(EffectFailure failure, DateTimeOffset now) => new RecordFailure(failure);
}
