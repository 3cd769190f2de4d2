using System.Diagnostics;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>
/// The Web host (API, pages and the embedded engine) as its own process, built in Release, on its own tables, task
/// hub and pickup outbox: the product as a deployment runs it, reached over real HTTP.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process, for the processor time it spends.</summary>
    public Process Process => _process;

    /// <summary>Starts the host; <paramref name="environment"/> adds variables for it alone (a runtime knob to compare, say).</summary>
    public static async Task<HostProcess> StartAsync(
        string root, string prefix, string outbox, bool demoData, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var web = Path.Combine(root, "src", "Web");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "ReferenceFlow.Web.dll")])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ReferenceFlow__Storage__TablePrefix"] = prefix;
        start.Environment["ReferenceFlow__Engine__TaskHub"] = prefix;
        start.Environment["ReferenceFlow__Email__PickupDirectory"] = outbox;
        start.Environment["ReferenceFlow__Seed__DemoData"] = demoData ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"  host: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, address);
        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The host was not ready within 2 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
