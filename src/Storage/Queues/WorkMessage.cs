namespace ReferenceFlow.Storage.Queues;

/// <summary>The body of a "work" queue message: one effect of one stream, as JSON of <see cref="Domain.Workflow.Effect"/>.</summary>
public sealed record WorkMessage(string StreamId, string EffectId, string Effect);
