using System.Net;
using System.Text.Json.Nodes;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>dotnet publish /t:PublishContainer writes the image tarball with no Docker daemon.</summary>
public sealed class ContainerImageTests(PublishedImage published) : IClassFixture<PublishedImage>
{
    [Fact]
    public void PublishContainerWritesANonRootImageListeningOn8080()
    {
        Assert.True(published.ExitCode == 0, published.Log);
        var image = ImageArchive.Open(published.ArchivePath);
        var config = image.Config["config"]!;
        Assert.Equal("1654", config["User"]!.GetValue<string>());
        Assert.True(config["ExposedPorts"]!.AsObject().ContainsKey("8080/tcp"), config.ToJsonString());
        // Framework-dependent: the base image's dotnet host runs the app's dll.
        Assert.Equal(["dotnet", "/app/ReferenceFlow.Web.dll"], Strings(config["Entrypoint"]));
        Assert.Equal("/app", config["WorkingDir"]!.GetValue<string>().TrimEnd('/'));
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", Strings(config["Env"]));
        Assert.Contains(published.RegistryRequests, r => r.StartsWith("GET /v2/dotnet/aspnet/blobs/", StringComparison.Ordinal));

        var layers = image.Layers;
        Assert.Equal(2, layers.Count);
        Assert.Contains("usr/share/dotnet/dotnet", ImageArchive.EntriesOf(layers[0]));
        var appFiles = ImageArchive.EntriesOf(layers[1]);
        Assert.Contains("app/ReferenceFlow.Web.dll", appFiles);
        Assert.Contains("app/ReferenceFlow.Web.runtimeconfig.json", appFiles);
    }

    [Fact]
    public async Task TheUnpackedImageBootsAsItsUserAndReportsReady()
    {
        Assert.True(published.ExitCode == 0, published.Log);
        Assert.True(Environment.UserName == "root", "Booting the image uses chroot, which needs root (as on CI).");
        var image = ImageArchive.Open(published.ArchivePath);
        var config = image.Config["config"]!;
        var rootfs = Directory.CreateDirectory(Path.Combine(published.WorkDirectory, "rootfs")).FullName;
        image.ExtractTo(rootfs);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(rootfs, "tmp"), (UnixFileMode)Convert.ToInt32("1777", 8));
        }
        var port = FreePort.Next();

        await using var boot = new ImageBoot(rootfs, Strings(config["Env"]), config["User"]!.GetValue<string>());
        boot.Start(Strings(config["Entrypoint"]), new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = $"{port}",
            // A runtime starts the entrypoint in WorkingDir; chroot starts it in /.
            ["ASPNETCORE_CONTENTROOT"] = config["WorkingDir"]!.GetValue<string>(),
            ["ReferenceFlow__Storage__ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow__Storage__TablePrefix"] = $"boot{Guid.NewGuid():N}"[..12],
            ["ReferenceFlow__Actions__SigningKeys__0"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
            ["ReferenceFlow__Email__Mode"] = "Pickup",
            ["ReferenceFlow__Email__PickupDirectory"] = "/tmp/outbox",
        });

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var status = HttpStatusCode.ServiceUnavailable;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !boot.HasExited && status != HttpStatusCode.OK)
        {
            try
            {
                status = (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }

        Assert.True(status == HttpStatusCode.OK, $"ready: {status}\n{boot.Output}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    internal static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
}
