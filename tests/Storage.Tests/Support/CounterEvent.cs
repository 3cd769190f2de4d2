using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Tests.Support;

public abstract record CounterEvent;

public sealed record Started(string Owner, DateTimeOffset At) : CounterEvent;

public sealed record Incremented(string By) : CounterEvent;

public sealed record Pinged(string Note) : CounterEvent;

public sealed record Ponged(string EffectId) : CounterEvent;

public sealed record TimerScheduled(TimerDue Timer) : CounterEvent;

public sealed record TimerFired(string TimerId, DateTimeOffset At) : CounterEvent;

public sealed record UsageHeld(string RequestId, string ContactId, DateTimeOffset At) : CounterEvent;

public sealed record PayloadAttached(string Payload) : CounterEvent;

public sealed record FailureRecorded(EffectFailure Failure) : CounterEvent;

/// <summary>A test-only effect, performed by <see cref="PokeHandler"/>.</summary>
public sealed record Poke(string Note) : Effect;
