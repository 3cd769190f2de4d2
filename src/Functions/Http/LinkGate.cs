using Microsoft.AspNetCore.Http;
using ReferenceFlow.Api.Limits;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// What the Web host's middleware does around the anonymous link pages (/actions, /preferences, /invitations), for an
/// HTTP trigger: the rate limit per client address and the small body limit of callers who are not signed in.
/// </summary>
public sealed class LinkGate(RequestRateLimiter limiter)
{
    public async Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> page)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        using var lease = limiter.Limiter.AttemptAcquire(request.HttpContext);
        if (!lease.IsAcquired) return TooManyRequests.For(lease, request.HttpContext.Response);
        if (await BodySizeLimit.CheckAsync(request, BodySizeLimit.AnonymousBytes) is { } tooLarge) return tooLarge;
        return await page();
    }

    public Task<IResult> RunAsync(HttpRequest request, Func<IResult> page) => RunAsync(request, () => Task.FromResult(page()));
}
