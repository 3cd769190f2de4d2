using System.Collections.Immutable;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>The test decider's state: a counter with pings, one timer and recorded failures.</summary>
public sealed record CounterState(
    bool Started,
    string Owner,
    int Count,
    ImmutableList<string> Increments,
    ImmutableList<string> Pongs,
    string? PendingTimer,
    ImmutableList<string> FiredTimers,
    ImmutableList<EffectFailure> Failures,
    string Payload)
{
    public static readonly CounterState Initial = new(false, "", 0, [], [], null, [], [], "");
}
