using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Telemetry.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly HttpListener _collector = new();
    private readonly List<string> _received = [];
    private readonly List<string> _traceBodies = [];
    private readonly int _port = FreePort.Next();

    public OtlpExportTests()
    {
        _collector.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _collector.Start();
        _ = Task.Run(CollectAsync);
    }

    [Fact]
    public async Task TracesAndLogsGoToTheConfiguredOtlpEndpointButHealthProbesAreNotTraced()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{_port}";
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddReferenceFlowHosting();
        await using (var app = builder.Build())
        {
            app.MapReferenceFlowHealth();
            app.MapGet("/ping", (ILogger<OtlpExportTests> logger) =>
            {
                logger.LogWarning("ping handled");
                return TypedResults.Ok();
            });
            await app.StartAsync();
            using var client = app.GetTestClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ping", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            await app.StopAsync();
        } // disposing the providers flushes the batches

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !(Has("/v1/traces") && Has("/v1/logs")))
        {
            await Task.Delay(50);
        }
        Assert.True(Has("/v1/traces"), string.Join(", ", Snapshot()));
        Assert.True(Has("/v1/logs"), string.Join(", ", Snapshot()));
        // OTLP protobuf carries span names and URL attributes as plain UTF-8.
        var traces = string.Concat(TraceBodies());
        Assert.Contains("/ping", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("/health/live", traces, StringComparison.Ordinal);
    }

    private bool Has(string path) => Snapshot().Contains($"POST {path}");

    private List<string> TraceBodies()
    {
        lock (_received)
        {
            return [.. _traceBodies];
        }
    }

    private List<string> Snapshot()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    private async Task CollectAsync()
    {
        while (_collector.IsListening)
        {
            try
            {
                var context = await _collector.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var path = context.Request.Url!.AbsolutePath;
                lock (_received)
                {
                    _received.Add($"{context.Request.HttpMethod} {path}");
                    if (path == "/v1/traces")
                    {
                        _traceBodies.Add(System.Text.Encoding.Latin1.GetString(body.ToArray()));
                    }
                }
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose() => _collector.Close();
}
