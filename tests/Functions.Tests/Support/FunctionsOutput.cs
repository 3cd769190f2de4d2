using System.Text.Json;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Functions.Tests.Support;

/// <summary>The Functions app's build output: what the Functions host reads (./test.sh builds the app first).</summary>
public static class FunctionsOutput
{
    public static string Directory { get; } = Path.Combine(RepoRoot.Path, "src", "Functions", "bin", "Debug", "net10.0");

    /// <summary>The generated functions.metadata: every function with its bindings.</summary>
    public static IReadOnlyList<JsonElement> Functions()
    {
        var path = Path.Combine(Directory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/Functions first.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public static JsonDocument HostJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "host.json")));

    /// <summary>The Values of local.settings.json.example as configuration keys ("A__B" → "A:B").</summary>
    public static IEnumerable<KeyValuePair<string, string?>> LocalSettingsExample()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Functions", "local.settings.json.example")));
        return example.RootElement.GetProperty("Values").EnumerateObject()
            .Select(v => new KeyValuePair<string, string?>(v.Name.Replace("__", ":", StringComparison.Ordinal), v.Value.GetString()))
            .ToList();
    }
}
