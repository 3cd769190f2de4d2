namespace ReferenceFlow.Storage.Queues;

/// <summary>A received message; <see cref="DequeueCount"/> counts deliveries including this one.</summary>
public sealed record QueuedMessage(string Id, string Receipt, string Body, long DequeueCount);
