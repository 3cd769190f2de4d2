using System.Text.Json;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the app's build output is checked instead: the functions.metadata
/// the worker SDK generates is what the host reads to bind every trigger (./test.sh builds the app first).
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string Output = Path.Combine(RepoRoot.Path, "src", "Functions", "bin", "Debug", "net10.0");

    [Theory]
    [InlineData("RequestOrchestrator", "orchestrationTrigger")]
    [InlineData("ApplyDecision", "activityTrigger")]
    [InlineData("FindSlot", "activityTrigger")]
    [InlineData("KeepWarm", "timerTrigger")]
    public void TheAppDeclaresEveryWorkflowFunctionWithItsTrigger(string name, string trigger)
    {
        var function = Functions().SingleOrDefault(f => f.GetProperty("name").GetString() == name);

        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function {name}.");
        var binding = Assert.Single(function.GetProperty("bindings").EnumerateArray());
        Assert.Equal(trigger, binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal("ReferenceFlow.Functions.dll", function.GetProperty("scriptFile").GetString());
    }

    [Fact]
    public void HostJsonRunsTheTaskHubOnAzureStorageWithTheMeasuredSettings()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var storage = durable.GetProperty("storageProvider");

        Assert.Equal("AzureStorage", storage.GetProperty("type").GetString());
        Assert.True(TimeSpan.Parse(storage.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(1));
        Assert.InRange(storage.GetProperty("partitionCount").GetInt32(), 1, 16);
        Assert.False(storage.GetProperty("useAppLease").GetBoolean());
        Assert.Equal("%ReferenceFlow__Engine__TaskHub%", durable.GetProperty("hubName").GetString());
    }

    private static List<JsonElement> Functions()
    {
        var path = Path.Combine(Output, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/Functions first.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
