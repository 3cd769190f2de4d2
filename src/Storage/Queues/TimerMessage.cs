namespace ReferenceFlow.Storage.Queues;

/// <summary>The body of a "timers" queue message.</summary>
public sealed record TimerMessage(string StreamId, string EffectId, string TimerId, string Kind, DateTimeOffset DueAt);
