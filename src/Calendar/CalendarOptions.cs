namespace ReferenceFlow.Calendar;

/// <summary>Configuration section <c>ReferenceFlow:Calendar</c>.</summary>
public sealed class CalendarOptions
{
    public const string Section = "ReferenceFlow:Calendar";

    public CalendarProviderKind Provider { get; set; } = CalendarProviderKind.WorkingHours;

    /// <summary>Per-contact ICS free/busy feeds for the Ics provider.</summary>
    public IList<IcsFeed> IcsFeeds { get; } = [];
}
