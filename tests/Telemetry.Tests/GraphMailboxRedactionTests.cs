using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ReferenceFlow.Api.Telemetry;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Telemetry.Tests;

/// <summary>
/// A contact's mailbox in a Graph calendar URL never reaches the spans of outgoing calls (issue 25, point 13): a real
/// call over a socket, as the Graph client makes, is recorded with the user segment redacted.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class GraphMailboxRedactionTests
{
    private const string Mailbox = "jane.doe%40contoso.example";

    [Fact]
    public async Task AnOutgoingCallsSpanCarriesNoMailbox()
    {
        var spans = new CapturingExporter<Activity>(a => a.Kind == ActivityKind.Client
            ? [a.DisplayName, .. a.TagObjects.Select(t => $"{t.Key}={t.Value}")]
            : []);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddReferenceFlowHosting();
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(spans)));
        await using (var app = builder.Build())
        {
            // Stands in for Graph: same path shape, answered locally.
            app.MapPost("/v1.0/users/{id}/calendar/getSchedule", (string id) => TypedResults.Ok());
            await app.StartAsync();
            var address = app.Urls.First();
            using var client = new HttpClient();
            var response = await client.PostAsync(new Uri($"{address}/v1.0/users/{Mailbox}/calendar/getSchedule"), new StringContent("{}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await app.StopAsync();
        }

        var spanText = spans.Captured();
        Assert.Contains(spanText, s => s.StartsWith("url.full=", StringComparison.Ordinal)
            && s.Contains($"/users/{UrlSecrets.MailboxPlaceholder}/calendar/getSchedule", StringComparison.Ordinal));
        Assert.DoesNotContain(spanText, s => s.Contains("contoso.example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/jane%40contoso.example/calendar/getSchedule",
        "https://graph.microsoft.com/v1.0/users/{redacted}/calendar/getSchedule")]
    [InlineData("/v1.0/Users/jane@contoso.example?$select=id", "/v1.0/Users/{redacted}?$select=id")]
    [InlineData("/v1.0/users/{redacted}/calendar", "/v1.0/users/{redacted}/calendar")]
    [InlineData("/api/requests/abc", "/api/requests/abc")]
    public void RedactTakesOutOnlyTheUserSegment(string text, string expected) =>
        Assert.Equal(expected, UrlSecrets.Redact(text));
}
