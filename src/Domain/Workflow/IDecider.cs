namespace ReferenceFlow.Domain.Workflow;

/// <summary>
/// A pure state machine hosted by the durable runtime: one event stream per instance.
/// Decide and Evolve never do I/O or read a clock; "now" arrives on every command.
/// </summary>
public interface IDecider<TState, TCommand, TEvent>
{
    /// <summary>The state before the first event.</summary>
    TState Initial { get; }

    /// <summary>The events a command produces in a state; none when it changes nothing.
    /// An illegal transition throws <see cref="DomainException"/>.</summary>
    IReadOnlyList<TEvent> Decide(TCommand command, TState state);

    /// <summary>The state after one event. An unknown event throws.</summary>
    TState Evolve(TState state, TEvent @event);

    /// <summary>The effects one event asks for, given the state right after it.
    /// The runtime writes them to the outbox in the same transaction as the event.</summary>
    IReadOnlyList<Effect> Effects(TEvent @event, TState after);

    /// <summary>The command a due timer becomes; the decider ignores timers it no longer expects.</summary>
    TCommand TimerElapsed(TimerDue timer, DateTimeOffset now);

    /// <summary>The command that records an effect which failed for good (poison, permanent error).</summary>
    TCommand EffectFailed(EffectFailure failure, DateTimeOffset now);
}
