using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Timers;

/// <summary>Timers past the 7-day queue limit, on a fake clock with queues whose visibility follows it.</summary>
public sealed class LongTimerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private InMemoryQueues _queues = null!;
    private TestRuntime _app = null!;

    [Fact]
    public async Task ATenDayTimerHopsThroughTheQueueAndFiresOnceAtItsDueTime()
    {
        var start = _clock.GetUtcNow();
        var due = start.AddDays(10);
        await _app.ExecuteAsync("s", new Start("ann", start, TimeSpan.FromDays(10)));
        var timers = _queues.Queue(_app.Layout.Names.TimerQueue);
        Assert.Equal(start.AddDays(3), timers.NextVisibleAt);

        var hops = 0;
        while (timers.NextVisibleAt is { } next && next < due)
        {
            _clock.SetUtcNow(next);
            await _app.DrainAsync();
            hops++;
            Assert.Empty((await _app.StateAsync("s")).FiredTimers);
        }
        Assert.Equal(3, hops); // day 3, 6 and 9; the last hop waits the remaining day
        Assert.Equal(due, timers.NextVisibleAt);

        _clock.SetUtcNow(due);
        await _app.DrainAsync();

        Assert.Equal([CounterDecider.TimerId], (await _app.StateAsync("s")).FiredTimers);
        var fired = Assert.Single(await _app.HistoryAsync("s"), h => h.Event is TimerFired);
        Assert.Equal(due, ((TimerFired)fired.Event).At);
        Assert.Equal(0, timers.Count);
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await _app.TimerSweeper.SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ATimerTheStateNoLongerExpectsIsIgnored()
    {
        var start = _clock.GetUtcNow();
        await _app.ExecuteAsync("stale", new Start("ann", start, TimeSpan.FromHours(1)));

        var outcome = await _app.ExecuteAsync("stale", new Elapse(new TimerDue("some-old-timer", "Reminder", start), start), mustExist: true);

        Assert.Empty(Assert.IsType<ReferenceFlow.Storage.Runtime.Applied<CounterState>>(outcome).Events);
        Assert.Equal(2, (await _app.HistoryAsync("stale")).Count);
    }

    [Fact]
    public async Task ATimerWhoseMessageWasLostIsFiredByTheSweeperOnlyAfterTheGracePeriod()
    {
        var start = _clock.GetUtcNow();
        await _app.ExecuteAsync("lost", new Start("ann", start, TimeSpan.FromHours(2)));
        _clock.Advance(TimeSpan.FromHours(2));
        var timers = _queues.Queue(_app.Layout.Names.TimerQueue);
        var message = Assert.Single(await timers.ReceiveAsync(1, TimeSpan.FromDays(6), CancellationToken.None));
        await timers.DeleteAsync(message, CancellationToken.None); // lost

        Assert.Equal(0, await _app.TimerSweeper.SweepOnceAsync(CancellationToken.None)); // due, but not overdue by the grace
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await _app.TimerSweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _app.TimerSweeper.SweepOnceAsync(CancellationToken.None));

        Assert.Equal([CounterDecider.TimerId], (await _app.StateAsync("lost")).FiredTimers);
    }

    public Task InitializeAsync()
    {
        _queues = new InMemoryQueues(_clock);
        _app = TestRuntime.Create(TestRuntime.NewPrefix(), time: _clock, queues: _queues);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
