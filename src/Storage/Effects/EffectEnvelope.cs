using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Storage.Effects;

/// <summary>An effect as delivered: <paramref name="EffectId"/> is stable across redeliveries; <paramref name="Attempt"/> counts from 1.</summary>
public sealed record EffectEnvelope(string StreamId, string EffectId, Effect Effect, int Attempt);
