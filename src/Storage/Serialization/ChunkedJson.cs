using Azure.Data.Tables;

namespace ReferenceFlow.Storage.Serialization;

/// <summary>
/// A table property holds at most 64 KiB (32K UTF-16 chars); big JSON is split over numbered
/// properties, and anything past what one entity can carry is refused clearly.
/// </summary>
public static class ChunkedJson
{
    public const int ChunkChars = 30_000;
    public const int MaxChunks = 12;

    public static void Write(TableEntity entity, string name, string json, string what)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(json);
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"{what} serializes to {json.Length} characters; one stored row holds at most {ChunkChars * MaxChunks}.");
        }
        entity[name] = json.Length <= ChunkChars ? json : json[..ChunkChars];
        for (var i = 1; i < chunks; i++)
        {
            entity[$"{name}{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var first = entity.GetString(name) ?? throw new InvalidOperationException($"Row {entity.RowKey} has no {name}.");
        if (!entity.ContainsKey($"{name}1"))
        {
            return first;
        }
        var parts = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString($"{name}{i}") is { } part; i++)
        {
            parts.Append(part);
        }
        return parts.ToString();
    }
}
