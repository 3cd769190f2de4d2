using System.Diagnostics;

namespace ReferenceFlow.TestSupport;

/// <summary>
/// A private Azurite on free ports, for tests that stop and restart storage (outages, health).
/// Tests that only need storage use the shared emulator on the default ports (<see cref="SharedConnectionString"/>).
/// </summary>
public sealed class AzuriteInstance(string? keptLocation = null) : IAsyncDisposable
{
    public const string SharedConnectionString = "UseDevelopmentStorage=true";

    // A location the caller names is kept after the run (to read what a failed run left); otherwise a temporary one is.
    private readonly string _location = keptLocation is null
        ? Directory.CreateTempSubdirectory("azurite-").FullName
        : Directory.CreateDirectory(keptLocation).FullName;
    private int _blobPort = FreePort.Next();
    private int _queuePort = FreePort.Next();
    private int _tablePort = FreePort.Next();
    private bool _started;
    private Process? _process;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts the emulator. A port found free a moment before may be taken meanwhile (an outgoing connection's local port
    /// comes from the same range), and then Azurite exits at once: the first start tries fresh ports, a few times; a
    /// restart keeps its ports, which the hosts using it know.
    /// </summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryStartAsync())
            {
                _started = true;
                return;
            }
            if (_started || attempt == 3) throw new InvalidOperationException($"Azurite exited at start (ports {_blobPort}, {_queuePort}, {_tablePort}).");
            (_blobPort, _queuePort, _tablePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        }
    }

    private async Task<bool> TryStartAsync()
    {
        var info = new ProcessStartInfo(RepoRoot.Bin("azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--loose", "--location", _location,
                     "--blobPort", $"{_blobPort}", "--queuePort", $"{_queuePort}", "--tablePort", $"{_tablePort}",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var process = _process;
        foreach (var port in new[] { _blobPort, _queuePort, _tablePort })
        {
            // Generous: node starts slowly on a busy CI machine.
            if (!await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(90), () => process.HasExited))
            {
                await StopAsync();
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Stops the emulator; its files stay, so a restart sees the same data. Azurite keeps tables in
    /// memory and saves them on shutdown, so it gets SIGTERM first (a bare kill would lose recent
    /// writes, which no real outage does) and is killed only if it does not exit in time.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
            {
                await term.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (keptLocation is not null) return;
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
    }
}
