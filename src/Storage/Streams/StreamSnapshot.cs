namespace ReferenceFlow.Storage.Streams;

public sealed record StreamSnapshot<TState>(string StreamId, long Version, TState State);
