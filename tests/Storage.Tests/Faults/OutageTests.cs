using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Storage.Tests.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Faults;

/// <summary>A private Azurite stopped mid-run: calls fail as outages, nothing is lost, appends resume after restart.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly AzuriteInstance _azurite = new();
    private TestStorage _storage = null!;

    [Fact]
    public async Task CallsDuringAnOutageFailAsOutagesAndTheHistoryHasNoGapAfterIt()
    {
        var store = _storage.Requests;
        var submitted = Story.Submitted("req-1");
        var approved = Story.OwnerApproves(submitted.State);
        var from = submitted.Events.Count;
        await store.AppendAsync("req-1", 0, "command-1", submitted.Events, submitted.State, CancellationToken.None);

        await _azurite.StopAsync();

        await AssertOutage(() => store.AppendAsync("req-1", from, "command-2", approved.Events, approved.State, CancellationToken.None));
        await AssertOutage(() => store.LoadAsync("req-1", CancellationToken.None));
        await AssertOutage(() => store.ReadHistoryAsync("req-1", CancellationToken.None));
        await AssertOutage(() => store.TryMarkAsync("req-1", "email", CancellationToken.None));

        await _azurite.StartAsync();
        Assert.Equal(AppendResult.Appended, await store.AppendAsync("req-1", from, "command-2", approved.Events, approved.State, CancellationToken.None));

        var history = await store.ReadHistoryAsync("req-1", CancellationToken.None);
        var total = from + approved.Events.Count;
        Assert.Equal(Enumerable.Range(1, total).Select(v => (long)v), history.Select(h => h.Version));
        var snapshot = await store.LoadAsync("req-1", CancellationToken.None);
        Assert.Equal(total, snapshot!.Version);
        Assert.Equal(approved.State, snapshot.State);
    }

    [Fact]
    public async Task TablesThatCouldNotBeCreatedDuringAnOutageAreCreatedOnTheFirstCallAfterIt()
    {
        await _azurite.StopAsync();

        await AssertOutage(() => _storage.Requests.LoadAsync("req-2", CancellationToken.None));

        await _azurite.StartAsync();
        Assert.Null(await _storage.Requests.LoadAsync("req-2", CancellationToken.None));
    }

    private static async Task AssertOutage(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.True(StorageFaults.IsOutage(error), error.ToString());
    }

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _storage = TestStorage.Create(_azurite.ConnectionString, maxRetries: 0);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
