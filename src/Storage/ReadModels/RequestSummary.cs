namespace ReferenceFlow.Storage.ReadModels;

/// <summary>A summary row: the projector's properties at <paramref name="Version"/> of the stream.</summary>
public sealed record RequestSummary(string StreamId, long Version, IReadOnlyDictionary<string, object?> Properties)
{
    public string? GetString(string name) => Properties.TryGetValue(name, out var value) ? value as string : null;
}
