using ReferenceFlow.Workflow.Health;

namespace ReferenceFlow.Web.Workflow;

/// <summary>Runs keep-warm once a day in this host (the Functions app has a timer trigger instead).</summary>
public sealed partial class KeepWarmJob(KeepWarmRun run, TimeProvider clock, ILogger<KeepWarmJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the app start (and the demo data land) before the first run.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(KeepWarmRun.Every, clock);
        do
        {
            try
            {
                await run.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keep-warm run failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
