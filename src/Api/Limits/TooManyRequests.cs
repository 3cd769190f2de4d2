using System.Globalization;
using System.Threading.RateLimiting;

namespace ReferenceFlow.Api.Limits;

/// <summary>The answer to a caller over its rate: 429, Retry-After in whole seconds, and a problem document.</summary>
public static class TooManyRequests
{
    public static IResult For(RateLimitLease lease, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(response);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Too many requests from this caller; try again in {seconds} s.");
    }
}
