using System.Diagnostics;
using System.Text.Json.Nodes;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>
/// dotnet publish /t:PublishContainer writes the image tarball with no Docker daemon. The usual base
/// image registry is unreachable here, so the base is served from a loopback registry and built from
/// this machine's ASP.NET Core runtime (LocalBaseImage); everything else is the SDK's real path.
/// </summary>
public sealed class ContainerImageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("referenceflow-image-").FullName;

    [Fact]
    public async Task PublishContainerWritesANonRootImageListeningOn8080()
    {
        using var registry = new LocalRegistry();
        var (manifest, blobs) = LocalBaseImage.Build();
        registry.Add(LocalBaseImage.Repository, LocalBaseImage.Tag, manifest, blobs);
        var archive = Path.Combine(_work, "referenceflow.tar.gz");

        var (exitCode, log) = await PublishAsync(registry, archive);

        Assert.True(exitCode == 0, log);
        var image = ImageArchive.Open(archive);
        var config = image.Config["config"]!;
        Assert.Equal("1654", config["User"]!.GetValue<string>());
        Assert.True(config["ExposedPorts"]!.AsObject().ContainsKey("8080/tcp"), config.ToJsonString());
        // Framework-dependent: the base image's dotnet host runs the app's dll.
        Assert.Equal(["dotnet", "/app/ReferenceFlow.Web.dll"], Strings(config["Entrypoint"]));
        Assert.Equal("/app", config["WorkingDir"]!.GetValue<string>().TrimEnd('/'));
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", Strings(config["Env"]));
        Assert.Contains(registry.Requests, r => r.StartsWith("GET /v2/dotnet/aspnet/blobs/", StringComparison.Ordinal));

        var layers = image.Layers;
        Assert.Equal(2, layers.Count);
        Assert.Contains("usr/share/dotnet/dotnet", ImageArchive.EntriesOf(layers[0]));
        var appFiles = ImageArchive.EntriesOf(layers[1]);
        Assert.Contains("app/ReferenceFlow.Web.dll", appFiles);
        Assert.Contains("app/ReferenceFlow.Web.runtimeconfig.json", appFiles);
    }

    private static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    private async Task<(int ExitCode, string Log)> PublishAsync(LocalRegistry registry, string archive)
    {
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
                     $"-p:ContainerArchiveOutputPath={archive}",
                     $"-p:ContainerBaseImage={registry.Host}/{LocalBaseImage.Repository}:{LocalBaseImage.Tag}",
                     "-p:ContainerImageTag=test",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Host;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Not the test run's own MSBuild node settings: a separate build of the app.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
