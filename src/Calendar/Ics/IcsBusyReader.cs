using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalCalendar = Ical.Net.Calendar;

namespace ReferenceFlow.Calendar.Ics;

/// <summary>Busy intervals in an iCalendar text: opaque, not cancelled VEVENT occurrences and VFREEBUSY busy periods.</summary>
public static class IcsBusyReader
{
    public static IReadOnlyList<BusyInterval> Read(string ics, TimeZoneInfo floatingZone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(floatingZone);
        IcalCalendar calendar;
        try
        {
            calendar = IcalCalendar.Load(ics) ?? throw new CalendarUnavailableException("The ICS feed is empty.");
        }
        catch (Exception ex) when (ex is not CalendarUnavailableException)
        {
            throw new CalendarUnavailableException($"The ICS feed is not valid iCalendar: {ex.Message}", ex);
        }
        var busy = new List<BusyInterval>();
        var start = new CalDateTime(from.UtcDateTime, "UTC", true);
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start, new EvaluationOptions()))
        {
            var interval = new BusyInterval(Instant(occurrence.Period.StartTime, floatingZone), Instant(occurrence.Period.EffectiveEndTime ?? occurrence.Period.StartTime, floatingZone));
            if (interval.Start >= to)
            {
                break;
            }
            if (occurrence.Source is CalendarEvent vevent && IsBusy(vevent) && interval.Overlaps(from, to))
            {
                busy.Add(interval);
            }
        }
        try
        {
            busy.AddRange(FreeBusyLines.Busy(ics).Where(b => b.Overlaps(from, to)));
        }
        catch (FormatException ex)
        {
            throw new CalendarUnavailableException($"The ICS feed has an unreadable FREEBUSY period: {ex.Message}", ex);
        }
        return [.. busy.OrderBy(b => b.Start)];
    }

    private static bool IsBusy(CalendarEvent vevent) =>
        !string.Equals(vevent.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase) &&
        !string.Equals(vevent.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);

    /// <summary>Floating and all-day times are read in the contact's own zone.</summary>
    private static DateTimeOffset Instant(CalDateTime time, TimeZoneInfo floatingZone)
    {
        if (!time.IsFloating)
        {
            return new DateTimeOffset(time.AsUtc, TimeSpan.Zero);
        }
        var local = DateTime.SpecifyKind(time.Value, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, floatingZone.GetUtcOffset(local));
    }
}
