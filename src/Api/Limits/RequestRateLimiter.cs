using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Api.Limits;

/// <summary>
/// Who a request counts against, for both hosts: the Web host hands <see cref="Limiter"/> to ASP.NET Core's rate
/// limiting middleware; the Functions app's gates ask it directly. Runs after authentication, since the partition
/// depends on whether the caller signed in. Requests that are neither signed in, nor a link page, nor a sign-in
/// attempt (health probes, static files, the sign-in page) are not counted.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private static readonly string[] LinkPrefixes = ["/actions", "/preferences", "/invitations"];

    private readonly RateLimitOptions _options;

    public RequestRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public static bool IsLinkPage(PathString path) => LinkPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private RateLimitPartition<string> Partition(HttpContext context)
    {
        if (CurrentUser.From(context.User) is { } user)
        {
            // Per scheme and user: a user's API key and their browser session do not starve each other.
            return Bucket($"user:{context.User.Identity!.AuthenticationType}:{user.Email.ToUpperInvariant()}", _options.SignedIn);
        }
        var address = _options.ClientAddress(context)?.ToString() ?? "unknown";
        if (IsLinkPage(context.Request.Path)) return Bucket($"link:{address}", _options.LinkPages);
        if (IsSignInAttempt(context.Request)) return Bucket($"signin:{address}", _options.FailedSignIns);
        return RateLimitPartition.GetNoLimiter("none");
    }

    /// <summary>Credentials that did not sign in (authentication has run), or a post of the sign-in form.</summary>
    private static bool IsSignInAttempt(HttpRequest request) =>
        ApiAuthentication.SchemeFor(request, entra: true) is not null
        || (HttpMethods.IsPost(request.Method) && request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase));

    private static RateLimitPartition<string> Bucket(string key, TokenBucket bucket) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            // Whole tokens per period: one token every 1/rate seconds for slow buckets, a tenth of the rate every
            // 100 ms for fast ones, so the refill is smooth and a Retry-After is short and honest.
            var perSecond = Math.Max(bucket.PerSecond, 0.001);
            var (period, tokens) = perSecond >= 10
                ? (TimeSpan.FromMilliseconds(100), (int)Math.Round(perSecond / 10))
                : (TimeSpan.FromSeconds(1 / perSecond), 1);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, bucket.Burst),
                ReplenishmentPeriod = period,
                TokensPerPeriod = tokens,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        });

    public void Dispose() => Limiter.Dispose();
}
