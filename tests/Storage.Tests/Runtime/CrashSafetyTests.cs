using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Runtime;

/// <summary>
/// A crash at each boundary, then a restart (new instances on the same storage, sweepers run):
/// no event lost, no transition doubled, every effect delivered at least once.
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task ACrashAfterCommitBeforeDispatchIsFinishedByTheOutboxSweeper()
    {
        var prefix = TestRuntime.NewPrefix();
        var log = new PokeLog();
        var crash = new CrashAt(FaultPoint.AfterCommitBeforeDispatch) { Armed = false };
        await using (var before = TestRuntime.Create(prefix, keepStorage: true, log: log, faults: crash))
        {
            await before.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
            crash.Armed = true;
            await before.ExecuteAsync("s", new Ping("hello"));
            Assert.True(crash.Crashed);
            Assert.Single(await before.Dispatcher.PendingAsync("s", CancellationToken.None), e => e.Kind == ReferenceFlow.Storage.Outbox.OutboxKind.Work);
        }

        await using var after = TestRuntime.Create(prefix, log);
        Assert.True(await after.OutboxSweeper.SweepOnceAsync(CancellationToken.None) > 0);
        await after.DrainAsync();

        await AssertPerformedOnceAndAnsweredOnce(after, log, "s:2:0");
        Assert.Empty(await after.Dispatcher.PendingAsync("s", CancellationToken.None));
    }

    [Fact]
    public async Task ACrashAfterEnqueueBeforeTheOutboxRowIsRemovedDeliversTwiceButPerformsOnce()
    {
        var prefix = TestRuntime.NewPrefix();
        var log = new PokeLog();
        var crash = new CrashAt(FaultPoint.AfterEnqueueBeforeOutboxRemoved, onlyFor: "s:2:0");
        await using (var before = TestRuntime.Create(prefix, keepStorage: true, log: log, faults: crash))
        {
            await before.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
            await before.ExecuteAsync("s", new Ping("hello"));
            Assert.True(crash.Crashed);
        }

        await using var after = TestRuntime.Create(prefix, log);
        await after.OutboxSweeper.SweepOnceAsync(CancellationToken.None);
        var delivered = await after.WorkPump.DrainAsync(CancellationToken.None);

        Assert.Equal(2, delivered);
        await AssertPerformedOnceAndAnsweredOnce(after, log, "s:2:0");
    }

    [Fact]
    public async Task ACrashAfterTheEffectRanBeforeItsCompletionMakesNoSecondTransition()
    {
        var prefix = TestRuntime.NewPrefix();
        var log = new PokeLog();
        var crash = new CrashAt(FaultPoint.AfterEffectBeforeCompletion);
        await using (var before = TestRuntime.Create(prefix, keepStorage: true, log: log, faults: crash, configure: o => o.WorkVisibility = TimeSpan.FromSeconds(1)))
        {
            await before.ExecuteAsync("s", new Start("ann", DateTimeOffset.UtcNow));
            await before.ExecuteAsync("s", new Ping("hello"));
            await before.WorkPump.PumpOnceAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(crash.Crashed);
        }

        await using var after = TestRuntime.Create(prefix, log);
        // The redelivery may arrive while the crashed attempt's claim is still held; it is then put
        // back for the claim's remainder, so wait for the effect itself, not just a delivery.
        await Eventually(async () =>
        {
            await after.WorkPump.DrainAsync(CancellationToken.None);
            return log.Count("s:2:0") >= 2;
        });

        // The outside action ran again (no completion was recorded), the stream took its answer once.
        Assert.Equal(2, log.Count("s:2:0"));
        var state = await after.StateAsync("s");
        Assert.Equal(["s:2:0"], state.Pongs);
        Assert.Equal(3, (await after.HistoryAsync("s")).Count);
    }

    [Fact]
    public async Task ACrashDuringATimersReenqueueFiresItOnce()
    {
        var prefix = TestRuntime.NewPrefix();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = new InMemoryQueues(clock);
        var crash = new CrashAt(FaultPoint.DuringTimerReenqueue);
        string timerQueue;
        await using (var before = TestRuntime.Create(prefix, keepStorage: true, time: clock, faults: crash, queues: queues))
        {
            await before.ExecuteAsync("s", new Start("ann", clock.GetUtcNow(), TimeSpan.FromDays(5)));
            clock.Advance(TimeSpan.FromDays(3));
            timerQueue = before.Layout.Names.TimerQueue;
            await before.TimerPump.PumpOnceAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(crash.Crashed);
        }

        // Both the old message (not deleted) and its re-enqueued copy exist.
        Assert.Equal(2, queues.Queue(timerQueue).Count);
        await using var after = TestRuntime.Create(prefix, time: clock, queues: queues);
        clock.Advance(TimeSpan.FromDays(3));
        await after.DrainAsync();

        var state = await after.StateAsync("s");
        Assert.Equal([CounterDecider.TimerId], state.FiredTimers);
        Assert.Single((await after.HistoryAsync("s")).Select(h => h.Event).OfType<TimerFired>());
    }

    private static async Task AssertPerformedOnceAndAnsweredOnce(TestRuntime app, PokeLog log, string effectId)
    {
        Assert.Equal(1, log.Count(effectId));
        var history = await app.HistoryAsync("s");
        Assert.Equal([1L, 2L, 3L], history.Select(h => h.Version));
        Assert.Equal(effectId, Assert.IsType<Ponged>(history[2].Event).EffectId);
    }

    private static async Task Eventually(Func<Task<bool>> done)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await done())
            {
                return;
            }
        }
        Assert.Fail("Nothing happened within 20 seconds.");
    }
}
