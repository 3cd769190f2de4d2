using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Timers;

/// <summary>The real path: Azure Storage queue visibility, the hosted workers, the system clock.</summary>
public sealed class QueueTimerTests : IAsyncLifetime
{
    private TestRuntime _app = null!;

    [Fact]
    public async Task AShortTimerFiresThroughTheRealQueueAndTheHostedWorkers()
    {
        var started = DateTimeOffset.UtcNow;
        await _app.ExecuteAsync("s", new Start("ann", started, TimeSpan.FromSeconds(2)));
        var workers = _app.Services.GetServices<IHostedService>().ToArray();
        Assert.Equal(4, workers.Length);
        foreach (var worker in workers)
        {
            await worker.StartAsync(CancellationToken.None);
        }
        try
        {
            CounterState state;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((state = await _app.StateAsync("s")).FiredTimers.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal([CounterDecider.TimerId], state.FiredTimers);
            var fired = (TimerFired)(await _app.HistoryAsync("s")).Single(h => h.Event is TimerFired).Event;
            Assert.True(fired.At >= started.AddSeconds(2), $"fired at {fired.At:O}, due {started.AddSeconds(2):O}");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.StopAsync(CancellationToken.None);
            }
        }
    }

    public Task InitializeAsync()
    {
        _app = TestRuntime.Create(TestRuntime.NewPrefix(), configure: o =>
        {
            o.RunWorkers = true;
            o.MaxIdleDelay = TimeSpan.FromMilliseconds(500);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
