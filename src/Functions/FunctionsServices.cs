using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Functions.Http;

namespace ReferenceFlow.Functions;

public static class FunctionsServices
{
    /// <summary>
    /// What the app's triggers need: the workflow and the application services every host shares, API-only sign-in,
    /// and the gate of the HTTP triggers. The engine is the host's (Durable Functions here; the embedded one in tests).
    /// </summary>
    public static IServiceCollection AddReferenceFlowFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReferenceFlowApi(configuration);
        services.AddApiOnlyAuthentication(configuration);
        services.AddScoped<ApiGate>();
        services.AddScoped<LinkGate>();
        services.PostConfigure<Api.Limits.RateLimitOptions>(o => o.ClientAddress = PlatformClientAddress.Of);
        return services;
    }
}
