using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Requests;

public sealed class MarkTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task AMarkIsSetOnceAndMayBeTakenBackAndSetAgain()
    {
        var store = _storage.Requests;
        const string key = "email/owner-approval#1?";

        Assert.False(await store.IsMarkedAsync("req-1", key, CancellationToken.None));
        Assert.True(await store.TryMarkAsync("req-1", key, CancellationToken.None));
        Assert.False(await store.TryMarkAsync("req-1", key, CancellationToken.None));
        Assert.True(await store.IsMarkedAsync("req-1", key, CancellationToken.None));
        Assert.False(await store.IsMarkedAsync("req-2", key, CancellationToken.None));
        Assert.False(await store.IsMarkedAsync("req-1", "email/other", CancellationToken.None));

        await store.UnmarkAsync("req-1", key, CancellationToken.None);

        Assert.False(await store.IsMarkedAsync("req-1", key, CancellationToken.None));
        Assert.True(await store.TryMarkAsync("req-1", key, CancellationToken.None));
    }

    [Fact]
    public async Task AMarkHoldsTheValueItWasSetWithAndTheFirstValueStays()
    {
        var store = _storage.Requests;

        Assert.Null(await store.ReadMarkAsync("req-4", "used:t1", CancellationToken.None));
        Assert.True(await store.TryMarkAsync("req-4", "used:t1", CancellationToken.None, "approve"));
        Assert.False(await store.TryMarkAsync("req-4", "used:t1", CancellationToken.None, "decline"));

        Assert.Equal("approve", await store.ReadMarkAsync("req-4", "used:t1", CancellationToken.None));
    }

    [Fact]
    public async Task TakingBackAMarkNeverSetChangesNothing()
    {
        await _storage.Layout.EnsureCreatedAsync(CancellationToken.None);

        await _storage.Requests.UnmarkAsync("req-3", "never", CancellationToken.None);

        Assert.False(await _storage.Requests.IsMarkedAsync("req-3", "never", CancellationToken.None));
    }

    [Fact]
    public async Task MarksAreNotPartOfTheHistory()
    {
        var submitted = Story.Submitted("req-4");
        await _storage.Requests.AppendAsync("req-4", 0, "command-1", submitted.Events, submitted.State, CancellationToken.None);

        await _storage.Requests.TryMarkAsync("req-4", "thanks", CancellationToken.None);

        Assert.Equal(submitted.Events.Count, (await _storage.Requests.ReadHistoryAsync("req-4", CancellationToken.None)).Count);
        Assert.Equal(submitted.Events.Count, (await _storage.Requests.LoadAsync("req-4", CancellationToken.None))!.Version);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}
