using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferenceFlow.Engine;

/// <summary>Ready: the engine answers a status query through its store, and a worker is connected where this replica runs workers.</summary>
public sealed class EngineHealthCheck(EmbeddedEngine engine, DurableTaskClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!engine.IsStarted)
        {
            return HealthCheckResult.Unhealthy("The workflow engine is starting.");
        }
        if (engine.RunsWorkers && !engine.WorkerRunning)
        {
            return HealthCheckResult.Unhealthy("The workflow engine's worker is not running.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // A point read of the instance table, through the engine: proves client, engine and store answer.
            await client.GetInstanceAsync("readiness-probe", timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy(engine.RunsWorkers ? "The workflow engine is connected and running workers." : "The workflow engine is connected (client only).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The workflow engine does not answer.", e);
        }
    }
}
