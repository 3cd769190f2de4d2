using Microsoft.AspNetCore.RateLimiting;
using ReferenceFlow.Api.Limits;

namespace ReferenceFlow.Web.Hosting;

/// <summary>ASP.NET Core's rate limiter over the partitions every host shares (<see cref="RequestRateLimiter"/>).</summary>
public static class RateLimiting
{
    public static IServiceCollection AddReferenceFlowRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestRateLimiter>((o, limiter) =>
        {
            o.GlobalLimiter = limiter.Limiter;
            o.OnRejected = (context, _) =>
                new ValueTask(TooManyRequests.For(context.Lease, context.HttpContext.Response).ExecuteAsync(context.HttpContext));
        });
        return services;
    }
}
