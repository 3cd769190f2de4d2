using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Storage.Tests.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Faults;

/// <summary>A private Azurite stopped mid-run: writes fail as "unavailable", nothing is lost, work resumes after restart.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly AzuriteInstance _azurite = new();
    private readonly PokeLog _log = new();
    private TestRuntime _app = null!;

    [Fact]
    public async Task WritesDuringAnOutageThrowStorageUnavailableAndProcessingResumesAfterIt()
    {
        await _app.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("s", new Ping("before"));

        await _azurite.StopAsync();
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _app.ExecuteAsync("s", new Ping("during")));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => _app.Runtime.LoadAsync("s", CancellationToken.None));
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        await Assert.ThrowsAnyAsync<Exception>(() => _app.WorkPump.PumpOnceAsync(CancellationToken.None));

        await _azurite.StartAsync();
        await _app.ExecuteAsync("s", new Ping("after"));
        await _app.DrainAsync();

        var history = await _app.HistoryAsync("s");
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(["before", "after"], history.Select(h => h.Event).OfType<Pinged>().Select(p => p.Note));
        Assert.Equal(2, (await _app.StateAsync("s")).Pongs.Count);
        Assert.Equal(2, _log.Total);
    }

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _app = TestRuntime.Create(TestRuntime.NewPrefix(), _log, connectionString: _azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
