using System.Text.Json;

namespace ReferenceFlow.Storage.Queues;

/// <summary>Queue bodies are plain JSON; a body that does not parse is poison, not a crash.</summary>
public static class MessageJson
{
    /// <summary>Azure Storage allows 64 KiB per message, 48 KiB of text once base64-encoded.</summary>
    public const int MaxBodyChars = 46_000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T message)
    {
        var body = JsonSerializer.Serialize(message, Options);
        return body.Length <= MaxBodyChars
            ? body
            : throw new InvalidOperationException($"A {typeof(T).Name} of {body.Length} characters does not fit in a queue message ({MaxBodyChars}).");
    }

    public static T? TryRead<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
