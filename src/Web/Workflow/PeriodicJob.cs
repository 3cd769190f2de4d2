namespace ReferenceFlow.Web.Workflow;

/// <summary>
/// Upkeep this host runs every so often, the first time a minute after start (the app and the demo data are up by then);
/// a run that fails is logged and the next one tries again. The Functions app has timer triggers instead.
/// </summary>
public abstract partial class PeriodicJob(TimeSpan every, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstAfter, clock, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
