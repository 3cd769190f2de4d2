using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Effects;

public sealed class DuplicateDeliveryTests : IAsyncLifetime
{
    private readonly PokeLog _log = new();
    private TestRuntime _app = null!;

    [Fact]
    public async Task OneQueueMessageDeliveredTwiceMakesNoSecondTransition()
    {
        await _app.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("s", new Ping("hi"));
        var work = _app.Queue(_app.Layout.Names.WorkQueue);
        var original = Assert.Single(await work.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));
        // The same body twice: the delivery itself and a redelivery.
        await work.SendAsync(original.Body, TimeSpan.Zero, CancellationToken.None);
        await work.SendAsync(original.Body, TimeSpan.Zero, CancellationToken.None);
        await work.DeleteAsync(original, CancellationToken.None);

        var processed = await _app.WorkPump.DrainAsync(CancellationToken.None);

        Assert.Equal(2, processed);
        Assert.Equal(1, _log.Count("s:2:0"));
        Assert.Single((await _app.StateAsync("s")).Pongs);
        Assert.Equal(3, (await _app.HistoryAsync("s")).Count);
    }

    [Fact]
    public async Task ARedeliveredEffectWithoutCompletionIsAnsweredOnceThroughTheStreamsDedupe()
    {
        await _app.ExecuteAsync("t", new Start("ann", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("t", new Ping("hi"));
        var work = _app.Queue(_app.Layout.Names.WorkQueue);
        var original = Assert.Single(await work.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));
        var body = MessageJson.TryRead<WorkMessage>(original.Body)!;
        await work.DeleteAsync(original, CancellationToken.None);

        // Performed twice by two racing workers before either recorded completion.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            _app.Runtime.ExecuteAsync("t", new Pong(body.EffectId), body.EffectId, mustExist: true, CancellationToken.None)));

        Assert.Single((await _app.StateAsync("t")).Pongs);
    }

    public Task InitializeAsync()
    {
        _app = TestRuntime.Create(TestRuntime.NewPrefix(), _log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
