using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using ReferenceFlow.Api.Telemetry;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Telemetry.Tests;

/// <summary>
/// A link's token never reaches telemetry: the Web host's spans keep the route but not the URL's token, and no log
/// record — message, attribute or scope (ASP.NET Core's RequestPath) — carries it. Exporters in memory, after the
/// host's own processors, see what OTLP would send.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class LinkTokenRedactionTests
{
    private const string Token = "SECRET-LINK-TOKEN-3f9a";

    [Theory]
    [InlineData("/actions/{token}")]
    [InlineData("/preferences/{token}")]
    [InlineData("/invitations/{token}")]
    public async Task SpansAndLogsOfALinkPageCarryTheRouteButNotTheToken(string route)
    {
        var spans = new CapturingExporter<Activity>(a =>
            [a.DisplayName, .. a.TagObjects.Select(t => $"{t.Key}={t.Value}")]);
        var logs = new CapturingExporter<LogRecord>(Describe);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        // ASP.NET Core's own request messages name the URL; let them through so the test sees them.
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        builder.AddReferenceFlowHosting();
        builder.Services.AddUrlSecretRedaction(); // as AddReferenceFlowApi does in both hosts
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(spans)));
        builder.Services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(logs)));
        await using (var app = builder.Build())
        {
            app.MapGet(route, (string token, ILogger<LinkTokenRedactionTests> logger) =>
            {
                logger.LogWarning("link page shown");
                return TypedResults.Ok();
            });
            await app.StartAsync();
            using var client = app.GetTestClient();
            var path = route.Replace("{token}", Token, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"{path}?decision=approve", UriKind.Relative))).StatusCode);
            // The server span ends just after the client has its answer; stopping first would drop it.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!spans.Captured().Any(s => s.StartsWith("http.route=", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            await app.StopAsync();
        }

        var spanText = spans.Captured();
        var logText = logs.Captured();
        Assert.Contains($"http.route={route}", spanText);
        Assert.Contains(spanText, s => s.StartsWith("url.path=", StringComparison.Ordinal));
        Assert.DoesNotContain(spanText, s => s.Contains(Token, StringComparison.Ordinal));
        Assert.Contains(logText, s => s.Contains("link page shown", StringComparison.Ordinal));
        Assert.Contains(logText, s => s.StartsWith("scope RequestPath=", StringComparison.Ordinal));
        Assert.DoesNotContain(logText, s => s.Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/actions/abc.def-ghi", "/actions/{token}")]
    [InlineData("http://host/preferences/abc?x=1", "http://host/preferences/{token}?x=1")]
    [InlineData("GET /Invitations/abc/more", "GET /Invitations/{token}/more")]
    [InlineData("/actions/{token}", "/actions/{token}")]
    [InlineData("/api/requests/abc", "/api/requests/abc")]
    public void RedactTakesOutOnlyTheTokenSegment(string text, string expected) =>
        Assert.Equal(expected, UrlSecrets.Redact(text));

    private static IEnumerable<string> Describe(LogRecord record)
    {
        var lines = new List<string> { record.FormattedMessage ?? "", record.Body ?? "" };
        lines.AddRange((record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"));
        record.ForEachScope((scope, list) =>
        {
            foreach (var item in scope) list.Add($"scope {item.Key}={item.Value}");
        }, lines);
        return lines;
    }
}

/// <summary>Keeps text describing each exported item, taken while the item is still whole.</summary>
internal sealed class CapturingExporter<T>(Func<T, IEnumerable<string>> describe) : BaseExporter<T>
    where T : class
{
    private readonly List<string> _lines = [];

    public override ExportResult Export(in Batch<T> batch)
    {
        lock (_lines)
        {
            foreach (var item in batch) _lines.AddRange(describe(item));
        }
        return ExportResult.Success;
    }

    public List<string> Captured()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection
{
    // OpenTelemetry's ASP.NET Core instrumentation keeps process-wide state: one host at a time.
    public const string Name = "telemetry";
}
