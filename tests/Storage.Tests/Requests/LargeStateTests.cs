using Azure.Data.Tables;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Requests;

public sealed class LargeStateTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task AStateLargerThanOneTablePropertyIsSplitAndReadBackWhole()
    {
        var submitted = Story.Submitted("big", candidates: 60);
        Assert.True(_storage.Codec.Serialize(submitted.State).Length > 32 * 1024);

        await _storage.Requests.AppendAsync("big", 0, "command-1", submitted.Events, submitted.State, CancellationToken.None);

        var head = await _storage.Table(_storage.Layout.Names.Requests).GetEntityAsync<TableEntity>("big", RequestRows.Head);
        Assert.True(head.Value.ContainsKey("State1"));
        var snapshot = await _storage.Requests.LoadAsync("big", CancellationToken.None);
        Assert.Equal(submitted.State, snapshot!.State);
        Assert.Equal(60, snapshot.State.Candidates.Count);
        var history = await _storage.Requests.ReadHistoryAsync("big", CancellationToken.None);
        Assert.Equal(submitted.Events.Select(_storage.Codec.Serialize), history.Select(h => _storage.Codec.Serialize(h.Event)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}
