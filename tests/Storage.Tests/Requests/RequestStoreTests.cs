using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Requests;

public sealed class RequestStoreTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    private RequestStore Store => _storage.Requests;

    [Fact]
    public async Task AnAppendedHistoryLoadsBackWithVersionsTypesTimesAndState()
    {
        var submitted = Story.Submitted("req-1");
        var approved = Story.OwnerApproves(submitted.State);

        Assert.Equal(AppendResult.Appended, await Store.AppendAsync("req-1", 0, "submit", submitted.Events, submitted.State, CancellationToken.None));
        Assert.Equal(AppendResult.Appended,
            await Store.AppendAsync("req-1", submitted.Events.Count, "approve", approved.Events, approved.State, CancellationToken.None));

        RequestEvent[] events = [.. submitted.Events, .. approved.Events];
        var snapshot = await Store.LoadAsync("req-1", CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.Equal("req-1", snapshot.RequestId);
        Assert.Equal(events.Length, snapshot.Version);
        Assert.Equal(approved.State, snapshot.State);
        var history = await Store.ReadHistoryAsync("req-1", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, events.Length).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(events.Select(e => e.GetType().Name), history.Select(h => h.Type));
        Assert.Equal(events.Select(e => e.At), history.Select(h => h.At));
        Assert.Equal(events.Select(_storage.Codec.Serialize), history.Select(h => _storage.Codec.Serialize(h.Event)));
        Assert.Equal(new AppliedCommand("approve", submitted.Events.Count, events.Length), await Store.AppliedAsync("req-1", "approve", CancellationToken.None));
    }

    [Fact]
    public async Task OneReadGivesTheHeadTheHistoryAndTheCommandsButNotTheMarks()
    {
        var (submitted, approved) = await SubmittedAndApprovedAsync("req-9");
        await Store.TryMarkAsync("req-9", "sent:req-9:1:0", CancellationToken.None);

        var stored = await Store.ReadAsync("req-9", CancellationToken.None);

        var total = submitted.Events.Count + approved.Events.Count;
        Assert.Equal((total, approved.State), (stored.Head!.Version, stored.Head.State));
        Assert.Equal((await Store.ReadHistoryAsync("req-9", CancellationToken.None)).Select(h => (h.Version, h.Type, h.CommandId)),
            stored.History.Select(h => (h.Version, h.Type, h.CommandId)));
        Assert.Equal([new AppliedCommand("approve", submitted.Events.Count, total), new AppliedCommand("submit", 0, submitted.Events.Count)],
            stored.Commands.Values.OrderBy(c => c.CommandId));
        var nobody = await Store.ReadAsync("nobody", CancellationToken.None);
        Assert.Equal((null, 0, 0), (nobody.Head, nobody.History.Count, nobody.Commands.Count));
    }

    /// <summary>A request submitted under command "submit", then approved by its owner under command "approve".</summary>
    private async Task<(Decided Submitted, Decided Approved)> SubmittedAndApprovedAsync(string requestId)
    {
        var submitted = Story.Submitted(requestId);
        var approved = Story.OwnerApproves(submitted.State);
        await Store.AppendAsync(requestId, 0, "submit", submitted.Events, submitted.State, CancellationToken.None);
        await Store.AppendAsync(requestId, submitted.Events.Count, "approve", approved.Events, approved.State, CancellationToken.None);
        return (submitted, approved);
    }

    [Fact]
    public async Task ARequestNeverAppendedLoadsAsNothingWithAnEmptyHistory()
    {
        Assert.Null(await Store.LoadAsync("nobody", CancellationToken.None));
        Assert.Empty(await Store.ReadHistoryAsync("nobody", CancellationToken.None));
        Assert.Null(await Store.AppliedAsync("nobody", "submit", CancellationToken.None));
    }

    [Fact]
    public async Task TheSameCommandAgainIsAlreadyAppliedAndWritesNothing()
    {
        var (submitted, approved) = await SubmittedAndApprovedAsync("req-2");

        // Decided again against the newer state, at the versions after it: the command's id is what tells it apart.
        var again = await Store.AppendAsync("req-2", submitted.Events.Count + approved.Events.Count, "approve", approved.Events, approved.State,
            CancellationToken.None);

        Assert.Equal(AppendResult.AlreadyApplied, again);
        Assert.Equal(submitted.Events.Count + approved.Events.Count, (await Store.ReadHistoryAsync("req-2", CancellationToken.None)).Count);
        Assert.Equal(approved.State, (await Store.LoadAsync("req-2", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task AnotherCommandAtVersionsAlreadyTakenIsAConflictAndWritesNothing()
    {
        var submitted = Story.Submitted("req-6");
        var approved = Story.OwnerApproves(submitted.State);
        await Store.AppendAsync("req-6", 0, "submit", submitted.Events, submitted.State, CancellationToken.None);
        await Store.AppendAsync("req-6", submitted.Events.Count, "approve", approved.Events, approved.State, CancellationToken.None);

        // Another decision at the versions the approval took: made on a state the history has left behind.
        var other = await Store.AppendAsync("req-6", submitted.Events.Count, "cancel", approved.Events, submitted.State, CancellationToken.None);

        Assert.Equal(AppendResult.Conflict, other);
        Assert.Null(await Store.AppliedAsync("req-6", "cancel", CancellationToken.None));
        Assert.Equal(approved.State, (await Store.LoadAsync("req-6", CancellationToken.None))!.State);
        Assert.Equal(submitted.Events.Count + approved.Events.Count, (await Store.ReadHistoryAsync("req-6", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TwoConcurrentAppendsOfTheSameVersionsLeaveOneCopy()
    {
        var submitted = Story.Submitted("req/5#x");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => Store.AppendAsync("req/5#x", 0, "submit", submitted.Events, submitted.State, CancellationToken.None))));

        Assert.Single(results, r => r == AppendResult.Appended);
        Assert.Single(results, r => r == AppendResult.AlreadyApplied);
        var history = await Store.ReadHistoryAsync("req/5#x", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, submitted.Events.Count).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(submitted.Events.Count, (await Store.LoadAsync("req/5#x", CancellationToken.None))!.Version);
    }

    public async Task InitializeAsync() => await _storage.Layout.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}
