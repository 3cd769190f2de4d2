namespace ReferenceFlow.Web.Hosting;

/// <summary>Section <c>ReferenceFlow:Hosting</c>.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "ReferenceFlow:Hosting";

    /// <summary>
    /// How long stopping waits for hosted queue workers to finish or release their messages.
    /// Kept below the container platform's termination grace period (45 s in infra/bicep).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the readiness probe waits for storage before calling it unreachable.</summary>
    public TimeSpan StorageProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
