using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Hosting;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly AzuriteInstance _azurite = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _app = await HealthHost.StartAsync(_azurite.ConnectionString);
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task ReadyFollowsStorageThroughAnOutageAndBack()
    {
        var before = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("Healthy", await StatusOf(before));

        await _azurite.StopAsync();
        var during = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("Unhealthy", await StatusOf(during));

        await _azurite.StartAsync();
        var after = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ReadySaysTheEngineRunsItsWorker()
    {
        var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var engine = json.RootElement.GetProperty("checks").GetProperty("engine");
        Assert.Equal("Healthy", engine.GetProperty("status").GetString());
        Assert.Contains("running workers", engine.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientOnlyReplicaIsReadyWithoutAWorker()
    {
        await using var clientOnly = await HealthHost.StartAsync(_azurite.ConnectionString, runWorkers: false);
        using var client = clientOnly.GetTestClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Contains("client only", json.RootElement.GetProperty("checks").GetProperty("engine").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStaysHealthyWhileStorageIsDown()
    {
        await _azurite.StopAsync();

        var live = await _client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await StatusOf(live));
    }

    [Fact]
    public async Task ReadyReportsTheStorageCheckWithoutExceptionDetails()
    {
        await _azurite.StopAsync();

        var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.DoesNotContain("StackTrace", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", body, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}
