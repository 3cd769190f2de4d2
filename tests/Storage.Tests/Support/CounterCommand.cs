using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Tests.Support;

public abstract record CounterCommand;

public sealed record Start(string Owner, DateTimeOffset Now, TimeSpan? TimerAfter = null) : CounterCommand;

public sealed record Increment(string By) : CounterCommand;

public sealed record Ping(string Note) : CounterCommand;

public sealed record Pong(string EffectId) : CounterCommand;

public sealed record Use(string RequestId, string ContactId, DateTimeOffset Now) : CounterCommand;

public sealed record Attach(string Payload) : CounterCommand;

public sealed record Elapse(TimerDue Timer, DateTimeOffset Now) : CounterCommand;

public sealed record RecordFailure(EffectFailure Failure) : CounterCommand;
