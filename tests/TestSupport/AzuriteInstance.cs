using System.Diagnostics;

namespace ReferenceFlow.TestSupport;

/// <summary>
/// A private Azurite on free ports, for tests that stop and restart storage (outages, health).
/// Tests that only need storage use the shared emulator on the default ports (<see cref="SharedConnectionString"/>).
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string SharedConnectionString = "UseDevelopmentStorage=true";

    private readonly string _location = Directory.CreateTempSubdirectory("azurite-").FullName;
    private readonly int _blobPort = FreePort.Next();
    private readonly int _queuePort = FreePort.Next();
    private readonly int _tablePort = FreePort.Next();
    private Process? _process;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync()
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
        foreach (var port in new[] { _blobPort, _queuePort, _tablePort })
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Kills the emulator; its files stay, so a restart sees the same data.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
    }
}
