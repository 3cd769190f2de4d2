using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Benchmarks;

public sealed record EventStoreBenchState(long Total);

public abstract record EventStoreBenchCommand;

public sealed record AddAmount(long Amount, bool WithEffect) : EventStoreBenchCommand;

public abstract record EventStoreBenchEvent;

public sealed record AmountAdded(long Amount, bool WithEffect) : EventStoreBenchEvent;

/// <summary>An effect that goes through the outbox to the "work" queue (no handler runs in the benchmark).</summary>
public sealed record AmountNoted(long Amount) : Effect;

/// <summary>One event per command; optionally one queued effect, to price the outbox path.</summary>
public sealed class EventStoreBenchDecider : IDecider<EventStoreBenchState, EventStoreBenchCommand, EventStoreBenchEvent>
{
    public EventStoreBenchState Initial => new(0);

    public IReadOnlyList<EventStoreBenchEvent> Decide(EventStoreBenchCommand command, EventStoreBenchState state) => command switch
    {
        AddAmount add => [new AmountAdded(add.Amount, add.WithEffect)],
        _ => throw new DomainException($"Unknown command {command.GetType().Name}."),
    };

    public EventStoreBenchState Evolve(EventStoreBenchState state, EventStoreBenchEvent @event) => @event switch
    {
        AmountAdded added => new EventStoreBenchState(state.Total + added.Amount),
        _ => throw new InvalidOperationException($"Unknown event {@event.GetType().Name}."),
    };

    public IReadOnlyList<Effect> Effects(EventStoreBenchEvent @event, EventStoreBenchState after) =>
        @event is AmountAdded { WithEffect: true } added ? [new AmountNoted(added.Amount)] : [];

    public EventStoreBenchCommand TimerElapsed(TimerDue timer, DateTimeOffset now) => throw new NotSupportedException();

    public EventStoreBenchCommand EffectFailed(EffectFailure failure, DateTimeOffset now) => throw new NotSupportedException();
}
