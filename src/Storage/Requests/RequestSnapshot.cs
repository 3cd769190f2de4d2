using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Storage.Requests;

/// <summary>
/// A request's state after its first <paramref name="Version"/> events, and the id of the command that appended the last
/// of them (null for a history written before commands were named).
/// </summary>
public sealed record RequestSnapshot(string RequestId, long Version, RequestState State, string? LastCommandId = null);
