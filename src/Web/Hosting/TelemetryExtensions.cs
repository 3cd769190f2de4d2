using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ReferenceFlow.Web.Hosting;

/// <summary>OpenTelemetry traces, metrics and logs; exported over OTLP only when an endpoint is configured.</summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddReferenceFlowTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Azure.Core only emits ActivitySource spans behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", isEnabled: true);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new RedactingLogProcessor());
        });

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : TelemetryNames.ServiceName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsHealthProbe(context);
                    o.EnrichWithHttpRequest = (activity, _) => RedactedSpans.Redact(activity);
                    o.EnrichWithHttpResponse = (activity, _) => RedactedSpans.Redact(activity);
                    o.EnrichWithException = (activity, _) => RedactedSpans.Redact(activity);
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.EnrichWithHttpRequestMessage = (activity, _) => RedactedSpans.Redact(activity);
                    o.EnrichWithHttpResponseMessage = (activity, _) => RedactedSpans.Redact(activity);
                    o.EnrichWithException = (activity, _) => RedactedSpans.Redact(activity);
                })
                .AddSource(TelemetryNames.Application, TelemetryNames.AzureSdk))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(TelemetryNames.Application, TelemetryNames.AzureSdk, TelemetryNames.RuntimeMeter));

        if (IsOtlpConfigured(builder.Configuration))
        {
            // Reads OTEL_EXPORTER_OTLP_* itself (endpoint, protocol, headers) for all three signals.
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    public static bool IsOtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    // Probes hit every few seconds per replica; tracing them drowns the useful spans.
    private static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthEndpoints.BasePath, StringComparison.OrdinalIgnoreCase);
}
