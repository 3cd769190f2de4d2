using ReferenceFlow.Bench.Faults;
using Xunit.Abstractions;

namespace ReferenceFlow.Faults.Tests;

/// <summary>
/// The product, as separate host processes on a private Azurite and maildev, keeps every promise while it is killed,
/// storage and mail and the calendar fail, links are clicked twice, late and twenty at once, and hostile input floods
/// in: nothing stuck, lost, sent twice or answered 500. The full run is a benchmark (bench/README.md).
/// </summary>
public sealed class ShortFaultRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UnderKillsOutagesAndAFloodNothingIsLostDuplicatedStuckOrAnswered500()
    {
        var logs = Path.Combine(Path.GetTempPath(), $"referenceflow-faults-{Guid.NewGuid():N}");
        var report = await FaultRun.RunAsync(FaultPlan.Short, logs, output.WriteLine);
        var table = FaultTable.Render(report);
        output.WriteLine(table);
        Assert.True(report.Passed, $"{table}\nHost logs: {logs}");
        Assert.Contains(report.Faults, f => f.Kind.StartsWith("kill -9", StringComparison.Ordinal));
        Assert.True(report.Verdict.EmailsExpected > 0 && report.Verdict.CommandsAccepted > 0, "The run drove nothing.");
        Directory.Delete(logs, recursive: true);
    }
}
