using System.Globalization;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Api;

/// <summary>
/// The exceptions that are answers, not bugs: a storage outage → 503 with Retry-After (the client retries;
/// nothing was half-written), an illegal transition → 409. One mapping for both hosts.
/// </summary>
public static class ApiProblems
{
    /// <summary>The problem answer for <paramref name="exception"/>, or null when it is a bug (a 500).</summary>
    public static IResult? For(Exception exception, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(response);
        if (StorageFaults.IsOutage(exception))
        {
            var retryAfter = exception is StorageUnavailableException u ? u.RetryAfter : TimeSpan.FromSeconds(5);
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is unavailable; try again shortly.");
        }
        return exception is DomainException
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The request's current state does not allow this.", detail: exception.Message)
            : null;
    }
}
