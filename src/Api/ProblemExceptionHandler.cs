using Microsoft.AspNetCore.Diagnostics;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Api;

/// <summary>The Web host's exception handler for /api and /actions: answers what <see cref="ApiProblems"/> maps.</summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!httpContext.Request.Path.StartsWithSegments("/api") && !httpContext.Request.Path.StartsWithSegments("/actions"))
        {
            return false; // Pages re-execute the friendly error page.
        }
        if (ApiProblems.For(exception, httpContext.Response) is not { } answer) return false;
        if (StorageFaults.IsOutage(exception)) LogOutage(logger, Telemetry.UrlSecrets.Redact(httpContext.Request.Path.ToString()), exception);
        await answer.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage outage while serving {Path}; answered 503")]
    private static partial void LogOutage(ILogger logger, string path, Exception exception);
}
