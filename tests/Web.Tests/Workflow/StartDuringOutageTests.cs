using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// A host (re)started while storage is down answers at once, 503 with Retry-After, instead of refusing connections until
/// storage is back; its engine starts when storage answers, and requests then run as usual.
/// </summary>
public sealed class StartDuringOutageTests : IAsyncLifetime
{
    private readonly AzuriteInstance _azurite = new();
    private OutageFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new OutageFactory(_azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task AHostStartedWhileStorageIsDownAnswers503AndGoesOnOnceStorageIsBack()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rep = _factory!.ClientFor(Keys.Rep);

        var during = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-EARLY"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"The host took {started.Elapsed} to answer.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _factory.Anonymous().GetAsync("/health/ready")).StatusCode);

        await _azurite.StartAsync();
        var pm = _factory.ClientFor(Keys.ProgramManager);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await _factory.Anonymous().GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, "The engine did not start within 60 s of storage coming back.");
            await Task.Delay(250);
        }
        await TestDirectory.SeedAsync(pm, accounts: 2);
        var after = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-AFTER"));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        var id = (string)(await after.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Outbox.WaitForAsync(_factory.Outbox, id, "OwnerApproval", timeout: TimeSpan.FromSeconds(60));
    }
}
