using System.Globalization;
using Microsoft.Graph.Models;
using DomainWorkingHours = ReferenceFlow.Domain.Scheduling.WorkingHours;

namespace ReferenceFlow.Calendar.Graph;

/// <summary>Reads Graph's scheduleInformation: scheduleItems, availabilityView digits and workingHours.</summary>
internal static class GraphSchedule
{
    public static IEnumerable<BusyInterval> BusyItems(ScheduleInformation schedule) =>
        (schedule.ScheduleItems ?? [])
            .Where(i => i.Status is FreeBusyStatus.Busy or FreeBusyStatus.Oof or FreeBusyStatus.Tentative or FreeBusyStatus.Unknown)
            .Where(i => i.Start is not null && i.End is not null)
            .Select(i => new BusyInterval(ToInstant(i.Start!), ToInstant(i.End!)));

    /// <summary>availabilityView: one digit per interval from the request's start; 1 tentative, 2 busy, 3 away count as busy.</summary>
    public static IEnumerable<BusyInterval> BusyFromView(string? view, DateTimeOffset start, TimeSpan interval)
    {
        for (var i = 0; i < (view?.Length ?? 0); i++)
        {
            if (view![i] is '1' or '2' or '3')
            {
                yield return new BusyInterval(start + (interval * i), start + (interval * (i + 1)));
            }
        }
    }

    public static (DomainWorkingHours? Hours, string? TimeZone) WorkingHoursOf(WorkingHours? hours)
    {
        if (hours?.StartTime is not { } start || hours.EndTime is not { } end || hours.DaysOfWeek is not { Count: > 0 } days)
        {
            return (null, null);
        }
        var zone = hours.TimeZone?.Name;
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            zone = null; // a custom Outlook zone: the profile's zone is the better guess
        }
        var workDays = days.OfType<DayOfWeekObject>().Select(d => Enum.Parse<DayOfWeek>(d.ToString(), ignoreCase: true)).Distinct().ToList();
        return (new DomainWorkingHours(new TimeOnly(start.Hour, start.Minute, start.Second), new TimeOnly(end.Hour, end.Minute, end.Second), workDays), zone);
    }

    public static DateTimeOffset ToInstant(DateTimeTimeZone value)
    {
        var local = DateTime.Parse(value.DateTime ?? throw new FormatException("Graph sent a time without dateTime."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var zoneId = value.TimeZone ?? "UTC";
        if (zoneId is "UTC" or "Etc/UTC" or "tzone://Microsoft/Utc")
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return new DateTimeOffset(local, zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
    }
}
