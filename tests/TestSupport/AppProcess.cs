using System.Diagnostics;
namespace ReferenceFlow.TestSupport;

/// <summary>
/// The built app as a real child process (its own engine and worker), so a test can kill it with
/// SIGKILL and start it again on the same storage (and the same port), as a crashed replica would be.
/// </summary>
public sealed class AppProcess(IReadOnlyDictionary<string, string> environment, string configuration = "Debug") : IAsyncDisposable
{
    private readonly string _appDirectory = Path.Combine(RepoRoot.Path, "src", "Web", "bin", configuration, "net10.0");
    private readonly int _port = FreePort.Next();
    private readonly Lock _logLock = new();
    private Process? _process;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>When set, the app's console output is appended here (across restarts), for reading after a failed run.</summary>
    public string? LogFile { get; init; }

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
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _appDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(_appDirectory, "ReferenceFlow.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in environment) info.Environment[key] = value;
        _process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
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

    private void Keep(string? line)
    {
        if (LogFile is null || line is null) return;
        lock (_logLock) File.AppendAllText(LogFile, line + Environment.NewLine);
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
