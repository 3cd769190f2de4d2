using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReferenceFlow.Api.Telemetry;

public static class TelemetryRedaction
{
    /// <summary>Link tokens and Graph mailboxes out of every log scope, in whichever host: the logger factory takes this scope provider.</summary>
    public static IServiceCollection AddUrlSecretRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IExternalScopeProvider, RedactingScopeProvider>());
        return services;
    }
}
