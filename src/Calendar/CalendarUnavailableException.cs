namespace ReferenceFlow.Calendar;

/// <summary>The calendar source could not say when this person is busy; the slot service falls back to working hours.</summary>
public sealed class CalendarUnavailableException : Exception
{
    public CalendarUnavailableException() { }

    public CalendarUnavailableException(string message) : base(message) { }

    public CalendarUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The source's own code, e.g. Graph's <c>ErrorMailboxNotFound</c>.</summary>
    public string? Code { get; init; }
}
