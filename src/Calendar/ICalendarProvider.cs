namespace ReferenceFlow.Calendar;

/// <summary>A source of free/busy information for a reference contact.</summary>
public interface ICalendarProvider
{
    /// <summary>
    /// Busy intervals of <paramref name="email"/> between <paramref name="from"/> and <paramref name="to"/>, plus
    /// working hours when the source knows them. <paramref name="timeZone"/> (IANA) is the contact's profile zone,
    /// used to read floating times. Throws <see cref="CalendarUnavailableException"/> when the source cannot answer
    /// for this mailbox (unknown mailbox, no feed, no permission).
    /// </summary>
    Task<CalendarAvailability> GetBusyAsync(string email, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
