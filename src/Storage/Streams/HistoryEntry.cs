namespace ReferenceFlow.Storage.Streams;

/// <summary>One stored event: its version in the stream, record name, commit time and content.</summary>
public sealed record HistoryEntry<TEvent>(long Version, string Type, DateTimeOffset At, TEvent Event);
