using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Effects;

public sealed class PoisonTests : IAsyncLifetime
{
    private readonly PokeLog _log = new();
    private TestRuntime _app = null!;

    [Fact]
    public async Task AMessageThatKeepsFailingLandsInThePoisonQueueAndShowsOnTheStream()
    {
        await _app.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("s", new Ping("fail"));

        var deliveries = await _app.WorkPump.DrainAsync(CancellationToken.None);

        Assert.Equal(5, deliveries);
        var poison = _app.Queue(StorageNames.PoisonOf(_app.Layout.Names.WorkQueue));
        var parked = Assert.Single(await poison.ReceiveAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal("s:2:0", MessageJson.TryRead<WorkMessage>(parked.Body)!.EffectId);
        var failure = Assert.Single((await _app.StateAsync("s")).Failures);
        Assert.Equal("s:2:0", failure.EffectId);
        Assert.Equal("Poke", failure.EffectKind);
        Assert.Equal(5, failure.Attempts);
        Assert.Contains("Poke failed", failure.Error, StringComparison.Ordinal);
        Assert.IsType<FailureRecorded>((await _app.HistoryAsync("s"))[^1].Event);
    }

    [Fact]
    public async Task APermanentFailureIsRecordedAtOnceWithoutRetries()
    {
        await _app.ExecuteAsync("p", new Start("ann", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("p", new Ping("permanent"));

        var deliveries = await _app.WorkPump.DrainAsync(CancellationToken.None);

        Assert.Equal(1, deliveries);
        var failure = Assert.Single((await _app.StateAsync("p")).Failures);
        Assert.Equal(1, failure.Attempts);
        Assert.Equal("The mailbox does not exist.", failure.Error);
    }

    [Fact]
    public async Task AnUnreadableMessageIsParkedInThePoisonQueue()
    {
        var work = _app.Queue(_app.Layout.Names.WorkQueue);
        await work.SendAsync("not json", TimeSpan.Zero, CancellationToken.None);

        await _app.WorkPump.DrainAsync(CancellationToken.None);

        var poison = _app.Queue(StorageNames.PoisonOf(_app.Layout.Names.WorkQueue));
        Assert.Contains(await poison.ReceiveAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None), m => m.Body == "not json");
    }

    public Task InitializeAsync()
    {
        _app = TestRuntime.Create(TestRuntime.NewPrefix(), _log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
