namespace ReferenceFlow.Calendar.Providers;

/// <summary>
/// The default source: no calendar access, so the contact is free during the working hours of their profile
/// (carried by the slot request) except for reference calls ReferenceFlow already booked.
/// </summary>
public sealed class WorkingHoursCalendarProvider(IBookedCalls bookedCalls) : ICalendarProvider
{
    public async Task<CalendarAvailability> GetBusyAsync(string email, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var booked = await bookedCalls.GetBookedAsync(email, from, to, cancellationToken).ConfigureAwait(false);
        return new CalendarAvailability([.. booked.Where(b => b.Overlaps(from, to)).OrderBy(b => b.Start)]);
    }
}
