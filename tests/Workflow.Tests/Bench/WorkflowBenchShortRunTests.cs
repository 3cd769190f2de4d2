using System.Diagnostics;
using ReferenceFlow.TestSupport;
using Xunit.Abstractions;

namespace ReferenceFlow.Workflow.Tests.Bench;

/// <summary>
/// The workflow benchmark (bench/WorkflowBench, bench/README.md) run short, as its own process the way its README runs it,
/// so that it cannot rot unnoticed as the workflow changes: every leg completes, the table is printed, the HTTP counter
/// still counts each raw insert once, and every storage call of the workflow is put down to the caller, an activity or the
/// engine. Figures are not asserted: the machine is shared.
/// </summary>
[Collection(WorkflowBenchRunsAlone.Name)]
public sealed class WorkflowBenchShortRunTests(ITestOutputHelper output)
{
    // Tiny numbers, polling every 250 ms so each leg settles in about a second: 25–45 s on the shared 2-core machine
    // with a load average of 10–25 from other work.
    private static readonly string[] Arguments =
        ["--requests", "5", "--burst", "5", "--raw-ops", "10", "--timers", "1", "--reminder-s", "2", "--solo", "2", "--idle-s", "2",
         "--poll-ms", "250", "--timeout-s", "45"];

    [Fact]
    public async Task EveryLegRunsAndTheTableIsPrinted()
    {
        var (exitCode, stdout, stderr) = await RunAsync(TimeSpan.FromSeconds(150));
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.Equal(0, exitCode);
        Assert.Contains("| leg | figure | value |", stdout, StringComparison.Ordinal);
        foreach (var row in new[]
                 {
                     "| 1. raw Azurite (table insert) |", "| engine idle |", "| 2. first leg: submit → owner email |",
                     "| 3. command → effect (owner approves → consent email) |", "| 4. timer lateness |", "| 5. one instance |",
                     "| storage HTTP requests per request | **", "| storage HTTP requests per command | **",
                     "| HTTP request (who: service, method, resource without the run prefix) |",
                 })
        {
            Assert.Contains(row, stdout, StringComparison.Ordinal);
        }
        Assert.Equal(3, CountOf(stdout, "10 HTTP requests counted for 10 inserts"));
        Assert.DoesNotContain("app, elsewhere", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan atMost)
    {
        // Built with this test project (its ProjectReference), in the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)));
        var bench = Path.Combine(RepoRoot.Path, "bench", "WorkflowBench", "bin", configuration!, "net10.0", "ReferenceFlow.WorkflowBench.dll");
        Assert.True(File.Exists(bench), $"{bench} is not built.");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        info.ArgumentList.Add(bench);
        foreach (var argument in Arguments) info.ArgumentList.Add(argument);
        info.Environment["ReferenceFlow__Storage__ConnectionString"] = AzuriteInstance.SharedConnectionString;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The bench did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(atMost);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The bench ran longer than {atMost.TotalSeconds:0} s.\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}

/// <summary>The bench measures the whole process's storage calls and times: it runs after the other tests, on its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkflowBenchRunsAlone
{
    public const string Name = "The workflow bench runs alone";
}
