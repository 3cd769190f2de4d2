using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReferenceFlow.Engine;

namespace ReferenceFlow.Web.Hosting;

/// <summary>What running in a container needs: telemetry, health checks and a graceful stop.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddReferenceFlowHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var section = builder.Configuration.GetSection(HostingOptions.SectionName);
        builder.Services.AddOptions<HostingOptions>()
            .Bind(section)
            .Validate(o => o.ShutdownTimeout > TimeSpan.Zero, "ReferenceFlow:Hosting:ShutdownTimeout must be positive.")
            .Validate(o => o.StorageProbeTimeout > TimeSpan.Zero, "ReferenceFlow:Hosting:StorageProbeTimeout must be positive.")
            .ValidateOnStart();

        // On SIGTERM the host waits this long for the engine's worker to finish the work in hand;
        // what it leaves reappears on the task hub's queues for another replica.
        var shutdown = section.GetValue<TimeSpan?>(nameof(HostingOptions.ShutdownTimeout)) ?? new HostingOptions().ShutdownTimeout;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("Process is up."), tags: [HealthEndpoints.LiveTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<EngineHealthCheck>("engine", tags: [HealthEndpoints.ReadyTag]);

        builder.AddReferenceFlowTelemetry();
        return builder;
    }
}
