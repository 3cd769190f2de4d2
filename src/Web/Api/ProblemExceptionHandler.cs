using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Web.Api;

/// <summary>
/// Maps the exceptions that are answers, not bugs: a storage outage → 503 with Retry-After
/// (the client retries; nothing was half-written), an illegal transition → 409.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!httpContext.Request.Path.StartsWithSegments("/api") && !httpContext.Request.Path.StartsWithSegments("/actions"))
        {
            return false; // Pages re-execute the friendly error page.
        }
        int status;
        string title;
        if (StorageFaults.IsOutage(exception))
        {
            var retryAfter = exception is StorageUnavailableException u ? u.RetryAfter : TimeSpan.FromSeconds(5);
            LogOutage(logger, httpContext.Request.Path, exception);
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            (status, title) = (StatusCodes.Status503ServiceUnavailable, "Storage is unavailable; try again shortly.");
        }
        else if (exception is DomainException)
        {
            (status, title) = (StatusCodes.Status409Conflict, "The request's current state does not allow this.");
        }
        else
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception is DomainException ? exception.Message : null },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage outage while serving {Path}; answered 503")]
    private static partial void LogOutage(ILogger logger, string path, Exception exception);
}
