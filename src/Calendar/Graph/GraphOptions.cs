namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Configuration section <c>ReferenceFlow:Graph</c>: an Entra app registration with the application permissions
/// User.Read.All (staff names) and, for the Graph calendar, Calendars.Read (admin consented), and the Graph endpoint
/// (configurable for national clouds and tests).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "ReferenceFlow:Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>How long a staff name read from Graph is used before Graph is asked again.</summary>
    public TimeSpan PeopleCacheFor { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// When true, staff time zones come from their Outlook settings (<c>/users/{id}/mailboxSettings</c>), so emails to them
    /// name times in their zone: needs the application permission MailboxSettings.Read as well. Off by default.
    /// </summary>
    public bool StaffTimeZones { get; set; }

    /// <summary>True when an app registration is configured: then staff names come from Graph, whatever the calendar.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>Resolution of Graph's availabilityView string.</summary>
    public int AvailabilityViewIntervalMinutes { get; set; } = 15;
}
