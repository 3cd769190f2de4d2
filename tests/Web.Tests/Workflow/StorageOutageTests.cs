using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.TestSupport;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>Storage goes away mid-run: the API says 503 with Retry-After, nothing is lost, work resumes when it is back.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly AzuriteInstance _azurite = new();
    private OutageFactory? _factory;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _factory = new OutageFactory(_azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task SubmittingDuringAnOutageIs503WithRetryAfterAndWorkResumesAfterwards()
    {
        var pm = _factory!.ClientFor(Keys.ProgramManager);
        var rep = _factory.ClientFor(Keys.Rep);
        await TestDirectory.SeedAsync(pm, accounts: 3);
        var before = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-BEFORE"));
        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        var beforeId = (string)(await before.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var token = Outbox.ActionToken(await Outbox.WaitForAsync(_factory.Outbox, beforeId, "OwnerApproval", timeout: TimeSpan.FromSeconds(60)));

        await _azurite.StopAsync();
        var during = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-DURING"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.StartsWith("application/problem+json", during.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await rep.GetAsync($"/api/requests/{beforeId}")).StatusCode);
        var browser = _factory.Anonymous();
        var page = await browser.PostAsync($"/actions/{token}", Form("approve"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);

        await _azurite.StartAsync();
        var view = await TestDirectory.GetAsync(rep, $"/api/requests/{beforeId}");
        Assert.Equal("AwaitingOwnerApproval", (string?)view["state"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync($"/actions/{token}", Form("approve"))).StatusCode);
        await Outbox.WaitForAsync(_factory.Outbox, beforeId, "ReferenceConsent", timeout: TimeSpan.FromSeconds(60));

        var after = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-AFTER"));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        var afterId = (string)(await after.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Outbox.WaitForAsync(_factory.Outbox, afterId, "OwnerApproval", timeout: TimeSpan.FromSeconds(60));
    }

    private static FormUrlEncodedContent Form(string decision) =>
        new(new Dictionary<string, string> { ["decision"] = decision });
}
