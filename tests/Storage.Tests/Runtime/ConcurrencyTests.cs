using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Runtime;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private readonly TestRuntime _app = TestRuntime.Create(TestRuntime.NewPrefix());

    [Fact]
    public async Task TwentyConcurrentWritersOnOneStreamLoseNoUpdate()
    {
        await _app.ExecuteAsync("hot", new Start("ann", DateTimeOffset.UtcNow));
        var writers = Enumerable.Range(1, 20).Select(i => $"writer-{i}").ToArray();

        var outcomes = await Task.WhenAll(writers.Select(w => Task.Run(() => _app.ExecuteAsync("hot", new Increment(w), w))));

        Assert.All(outcomes, o => Assert.IsType<Applied<CounterState>>(o));
        var history = await _app.HistoryAsync("hot");
        Assert.Equal(Enumerable.Range(1, 21).Select(v => (long)v), history.Select(h => h.Version));
        var increments = history.Select(h => h.Event).OfType<Incremented>().Select(e => e.By).ToArray();
        Assert.Equal(writers.Order(), increments.Order());
        var state = await _app.StateAsync("hot");
        Assert.Equal(20, state.Count);
        Assert.Equal(writers.Order(), state.Increments.Order());
    }

    [Fact]
    public async Task ConcurrentDuplicatesOfOneMessageApplyItOnce()
    {
        await _app.ExecuteAsync("dup", new Start("ann", DateTimeOffset.UtcNow));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _app.ExecuteAsync("dup", new Increment("same"), "one-id"))));

        Assert.Single(outcomes.OfType<Applied<CounterState>>());
        Assert.Equal(7, outcomes.OfType<Duplicate<CounterState>>().Count());
        Assert.Equal(1, (await _app.StateAsync("dup")).Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
