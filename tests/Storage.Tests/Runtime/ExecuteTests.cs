using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Runtime;

public sealed class ExecuteTests : IAsyncLifetime
{
    private readonly TestRuntime _app = TestRuntime.Create(TestRuntime.NewPrefix());
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task ACommandCommitsItsEventsAndTheSnapshot()
    {
        var outcome = await _app.ExecuteAsync("req-1", new Start("ann", _now));
        await _app.ExecuteAsync("req-1", new Increment("a"));

        var applied = Assert.IsType<Applied<CounterState>>(outcome);
        Assert.Equal(1, applied.Version);
        Assert.IsType<Started>(Assert.Single(applied.Events));
        var snapshot = await _app.Runtime.LoadAsync("req-1", CancellationToken.None);
        Assert.Equal(2, snapshot!.Version);
        Assert.Equal(1, snapshot.State.Count);
        Assert.Equal("ann", snapshot.State.Owner);
    }

    [Fact]
    public async Task TheSameMessageIdTwiceMakesNoSecondTransition()
    {
        await _app.ExecuteAsync("req-2", new Start("ann", _now));
        await _app.ExecuteAsync("req-2", new Increment("a"), "msg-1");

        var second = await _app.ExecuteAsync("req-2", new Increment("a"), "msg-1");

        var duplicate = Assert.IsType<Duplicate<CounterState>>(second);
        Assert.Equal(2, duplicate.Version);
        Assert.Equal(1, duplicate.State.Count);
        Assert.Equal(2, (await _app.HistoryAsync("req-2")).Count);
    }

    [Fact]
    public async Task ACommandThatMustFindItsStreamGetsNotFoundAndCreatesNothing()
    {
        var outcome = await _app.ExecuteAsync("req-missing", new Increment("a"), mustExist: true);

        Assert.IsType<NotFound<CounterState>>(outcome);
        Assert.Null(await _app.Runtime.LoadAsync("req-missing", CancellationToken.None));
    }

    [Fact]
    public async Task AnIllegalCommandThrowsTheDomainExceptionAndStoresNothing()
    {
        await _app.ExecuteAsync("req-3", new Start("ann", _now));

        await Assert.ThrowsAsync<DomainException>(() => _app.ExecuteAsync("req-3", new Start("bob", _now)));

        Assert.Single(await _app.HistoryAsync("req-3"));
        Assert.Equal("ann", (await _app.StateAsync("req-3")).Owner);
    }

    [Fact]
    public async Task HistoryListsEveryEventWithVersionTypeAndTime()
    {
        await _app.ExecuteAsync("req-4", new Start("ann", _now));
        await _app.ExecuteAsync("req-4", new Increment("x"));

        var history = await _app.HistoryAsync("req-4");

        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.Equal(["Started", "Incremented"], history.Select(h => h.Type));
        Assert.Equal("x", Assert.IsType<Incremented>(history[1].Event).By);
        Assert.All(history, h => Assert.True(h.At > _now.AddMinutes(-1)));
    }

    [Fact]
    public async Task StreamAndMessageIdsWithReservedCharactersAreStored()
    {
        const string stream = "tenant/req#5?x%y";
        await _app.ExecuteAsync(stream, new Start("ann", _now), "crm/msg#1");

        var again = await _app.ExecuteAsync(stream, new Start("ann", _now), "crm/msg#1");

        Assert.IsType<Duplicate<CounterState>>(again);
        Assert.Equal(stream, (await _app.Runtime.LoadAsync(stream, CancellationToken.None))!.StreamId);
    }

    [Fact]
    public async Task AStateBiggerThanOneTablePropertyIsSplitAndReadBack()
    {
        var big = string.Concat(Enumerable.Repeat("0123456789", 10_000)); // 100k chars, three properties' worth
        await _app.ExecuteAsync("req-6", new Start("ann", _now));

        await _app.ExecuteAsync("req-6", new Attach(big));

        Assert.Equal(big, (await _app.StateAsync("req-6")).Payload);
        Assert.Equal(big, Assert.IsType<PayloadAttached>((await _app.HistoryAsync("req-6"))[1].Event).Payload);
    }

    [Fact]
    public async Task AStateTooBigForOneRowIsRefusedClearly()
    {
        await _app.ExecuteAsync("req-7", new Start("ann", _now));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _app.ExecuteAsync("req-7", new Attach(new string('x', 400_000))));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
        Assert.Single(await _app.HistoryAsync("req-7"));
    }

    [Fact]
    public async Task ACommandWithoutEventsOnAMissingStreamCreatesNoStream()
    {
        var outcome = await _app.ExecuteAsync("req-8", new Elapse(new TimerDue("t", "k", _now), _now));

        var applied = Assert.IsType<Applied<CounterState>>(outcome);
        Assert.Equal(0, applied.Version);
        Assert.Empty(applied.Events);
        Assert.Null(await _app.Runtime.LoadAsync("req-8", CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
