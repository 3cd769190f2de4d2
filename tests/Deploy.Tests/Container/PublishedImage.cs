using System.Diagnostics;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>
/// Publishes the app's image tarball once for the container tests. The usual base image registry is
/// unreachable here, so the base is served from a loopback registry and built from this machine's
/// ASP.NET Core runtime (LocalBaseImage); everything else is the SDK's real PublishContainer path.
/// </summary>
public sealed class PublishedImage : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("referenceflow-image-").FullName;

    public string ArchivePath => Path.Combine(_work, "referenceflow.tar.gz");

    public string WorkDirectory => _work;

    public int ExitCode { get; private set; }

    public string Log { get; private set; } = "";

    public IReadOnlyList<string> RegistryRequests { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var registry = new LocalRegistry();
        var (manifest, blobs) = LocalBaseImage.Build();
        registry.Add(LocalBaseImage.Repository, LocalBaseImage.Tag, manifest, blobs);

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine("src", "Web", "Web.csproj"), "-c", "Release", "--nologo",
                     "-t:PublishContainer", "-o", Path.Combine(_work, "publish"),
                     $"-p:ContainerArchiveOutputPath={ArchivePath}",
                     $"-p:ContainerBaseImage={registry.Host}/{LocalBaseImage.Repository}:{LocalBaseImage.Tag}",
                     "-p:ContainerImageTag=test",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Host;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        ExitCode = process.ExitCode;
        Log = await stdout + await stderr;
        lock (registry.Requests)
        {
            RegistryRequests = [.. registry.Requests];
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }
}
