using Microsoft.Extensions.Diagnostics.HealthChecks;

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

        // On SIGTERM the host cancels the workers' stopping token and waits this long for them to
        // finish the message in hand or leave it to reappear on the queue.
        var shutdown = section.GetValue<TimeSpan?>(nameof(HostingOptions.ShutdownTimeout)) ?? new HostingOptions().ShutdownTimeout;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("Process is up."), tags: [HealthEndpoints.LiveTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);

        builder.AddReferenceFlowTelemetry();
        return builder;
    }
}
