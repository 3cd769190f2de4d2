using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceFlow.Storage.Directory;

/// <summary>How an account document is stored: camelCase, enums by name, so rows stay readable.</summary>
internal static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
