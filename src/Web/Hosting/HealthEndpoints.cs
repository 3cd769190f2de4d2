using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency checks, so a storage outage never
/// restarts replicas). <c>/health/ready</c>: storage is reachable; 503 otherwise.
/// </summary>
public static class HealthEndpoints
{
    public const string BasePath = "/health";
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapReferenceFlowHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapHealthChecks($"{BasePath}/live", Options(LiveTag)).AllowAnonymous();
        endpoints.MapHealthChecks($"{BasePath}/ready", Options(ReadyTag)).AllowAnonymous();
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    // Names and descriptions only: exception details stay in the logs.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
