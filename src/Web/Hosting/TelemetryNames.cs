namespace ReferenceFlow.Web.Hosting;

/// <summary>Names exported through OpenTelemetry; wildcards are matched by the SDK.</summary>
public static class TelemetryNames
{
    public const string ServiceName = "referenceflow";

    /// <summary>ActivitySources and Meters of the app's own code ("ReferenceFlow.Storage", …).</summary>
    public const string Application = "ReferenceFlow.*";

    /// <summary>Azure SDK client spans (Azure.Data.Tables.*, Azure.Identity).</summary>
    public const string AzureSdk = "Azure.*";

    /// <summary>The runtime's built-in meter (GC, thread pool, exceptions) since .NET 9.</summary>
    public const string RuntimeMeter = "System.Runtime";
}
