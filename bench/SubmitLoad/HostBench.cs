using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>What the benches that drive the Web host over HTTP share: flags, the repository, the Release build, timed calls.</summary>
internal static class HostBench
{
    /// <summary><c>--name value</c> pairs; a flag without a value is "true".</summary>
    public static Dictionary<string, string> Options(string[] args) =>
        args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");

    public static int Option(this Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The storage both the bench and the host talk to (the host inherits the variable): a second Azurite on other ports, say.</summary>
    public static string Connection =>
        Environment.GetEnvironmentVariable("ReferenceFlow__Storage__ConnectionString") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";

    public static string Root()
    {
        var root = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(root, "ReferenceFlow.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from the repository.");
        return root;
    }

    /// <summary>Builds the Web host in Release; false (with the build's output written) when it does not build.</summary>
    public static async Task<bool> BuildWebAsync(string root)
    {
        Console.Error.WriteLine("Building the Web host (Release)…");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Web", "Web.csproj"), "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly"])
            { RedirectStandardOutput = true })!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode == 0) return true;
        Console.Error.WriteLine(output);
        return false;
    }

    /// <summary>Each call's time in milliseconds, its body read to the end; a failed status fails the bench.</summary>
    public static async Task<List<double>> TimedAsync(int times, Func<Task<HttpResponseMessage>> call)
    {
        var ms = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await call();
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    /// <summary>The baseline: 200 point reads of one entity, one at a time, in a table of its own.</summary>
    public static async Task<List<double>> RawReadsAsync(TableServiceClient tables, string prefix)
    {
        var table = tables.GetTableClient(prefix + Guid.NewGuid().ToString("N")[..8] + "raw");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r"));
        var ms = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            await table.GetEntityAsync<TableEntity>("p", "r");
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        await table.DeleteAsync();
        return ms;
    }
}
