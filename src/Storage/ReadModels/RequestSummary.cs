namespace ReferenceFlow.Storage.ReadModels;

/// <summary>A summary row: the projector's properties at <paramref name="Version"/> of the request's history.</summary>
public sealed record RequestSummary(string RequestId, long Version, IReadOnlyDictionary<string, object?> Properties)
{
    public string? GetString(string name) => Properties.TryGetValue(name, out var value) ? value as string : null;
}
