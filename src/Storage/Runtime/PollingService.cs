using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Storage.Runtime;

/// <summary>
/// Runs one unit of work (a queue pump or a sweep) in a loop: straight on while it finds work,
/// backing off up to a cap while idle or while storage is down. Pacing is wall-clock, not business time.
/// </summary>
public sealed partial class PollingService(
    string name,
    Func<CancellationToken, Task<int>> work,
    TimeSpan busyDelay,
    TimeSpan idleMin,
    TimeSpan idleMax,
    IOptions<RuntimeOptions> options,
    ILogger<PollingService> logger) : BackgroundService
{
    public string Name => name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
        {
            return;
        }
        var idle = idleMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await work(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (StorageFaults.IsOutage(e))
                {
                    LogOutage(logger, name, e.Message);
                }
                else
                {
                    LogFailed(logger, name, e);
                }
                done = 0;
            }
            var delay = done > 0 ? busyDelay : idle;
            idle = done > 0 ? idleMin : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, idleMax.Ticks));
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: storage unavailable ({Reason}); backing off")]
    private static partial void LogOutage(ILogger logger, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} failed; backing off")]
    private static partial void LogFailed(ILogger logger, string worker, Exception exception);
}
