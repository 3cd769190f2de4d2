using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Outbox;

public sealed class OutboxSweeperTests
{
    [Fact]
    public async Task TheSweeperLeavesRowsOfALiveDispatchAloneUntilTheGracePeriodPassed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = new InMemoryQueues(clock);
        var crash = new CrashAt(FaultPoint.AfterCommitBeforeDispatch) { Armed = false };
        await using var app = TestRuntime.Create(TestRuntime.NewPrefix(), time: clock, faults: crash, queues: queues,
            configure: o => o.OutboxSweepGrace = TimeSpan.FromMinutes(1));
        await app.ExecuteAsync("s", new Start("ann", clock.GetUtcNow()));
        crash.Armed = true;
        await app.ExecuteAsync("s", new Ping("hello"));
        var work = queues.Queue(app.Layout.Names.WorkQueue);

        Assert.Equal(0, await app.OutboxSweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, work.Count);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await app.OutboxSweeper.SweepOnceAsync(CancellationToken.None)); // the Poke and the summary refresh
        Assert.Equal(1, work.Count);
        Assert.Empty(await app.Dispatcher.PendingAsync("s", CancellationToken.None));
        Assert.Equal(0, await app.OutboxSweeper.SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ACommitThatDispatchedLeavesNothingForTheSweeper()
    {
        await using var app = TestRuntime.Create(TestRuntime.NewPrefix());
        await app.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        await app.ExecuteAsync("s", new Ping("hello"));

        Assert.Empty(await app.Dispatcher.PendingAsync("s", CancellationToken.None));
        Assert.Equal(0, await app.OutboxSweeper.SweepOnceAsync(CancellationToken.None));
    }
}
