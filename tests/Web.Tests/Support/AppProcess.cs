using System.Diagnostics;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// The built app as a real child process (its own engine and worker), so a test can kill it with
/// SIGKILL and start it again on the same storage, as a crashed replica would be.
/// </summary>
public sealed class AppProcess(IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private static readonly string AppDirectory = Path.Combine(RepoRoot.Path, "src", "Web", "bin", "Debug", "net10.0");
    private readonly int _port = FreePort.Next();
    private Process? _process;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public HttpClient ClientFor(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Starts the app and waits until /health/ready answers 200.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppDirectory, "ReferenceFlow.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in environment) info.Environment[key] = value;
        _process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting.");
            try
            {
                if ((await probe.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Too slow to answer yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not become ready within 90 s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, leases and in-flight messages are left as a crash leaves them.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
