using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ReferenceFlow.Web.Hosting;

/// <summary>Ready means the table service answers within a short timeout (the engine's check covers its queues and blobs).</summary>
public sealed partial class StorageHealthCheck(
    IServiceProvider services,
    IOptions<HostingOptions> options,
    ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var tables = services.GetService<TableServiceClient>();
        if (tables is null)
        {
            return HealthCheckResult.Unhealthy("No TableServiceClient is registered (services.AddReferenceFlowStorage).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StorageProbeTimeout);
        try
        {
            await tables.GetPropertiesAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Storage answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, "timed out");
            return HealthCheckResult.Unhealthy($"Storage did not answer within {options.Value.StorageProbeTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogUnreachable(logger, exception.Message);
            return HealthCheckResult.Unhealthy("Storage is unreachable.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: storage unreachable ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
