using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Storage.Requests;

/// <summary>A request's state after its first <paramref name="Version"/> events.</summary>
public sealed record RequestSnapshot(string RequestId, long Version, RequestState State);
