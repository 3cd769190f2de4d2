namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Configuration section <c>ReferenceFlow:Graph</c>: an Entra app registration with the application
/// permission Calendars.Read (admin consented), and the Graph endpoint (configurable for national clouds and tests).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "ReferenceFlow:Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Resolution of Graph's availabilityView string.</summary>
    public int AvailabilityViewIntervalMinutes { get; set; } = 15;
}
