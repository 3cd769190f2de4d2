using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReferenceFlow.Api.Telemetry;

public static class TelemetryRedaction
{
    /// <summary>Link tokens out of every log scope, in whichever host: the logger factory takes this scope provider.</summary>
    public static IServiceCollection AddLinkTokenRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IExternalScopeProvider, RedactingScopeProvider>());
        return services;
    }
}
