namespace ReferenceFlow.Domain.Scheduling;

/// <summary>
/// Adds delays counted in working time. Whole days count as working days in the given time zone
/// and the result lands inside working hours; shorter delays (test and demo settings) are clock time.
/// </summary>
public static class BusinessClock
{
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan delay, string timeZone, WorkingHours hours, bool useBusinessHours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (!useBusinessHours || delay < TimeSpan.FromDays(1))
        {
            return start + delay;
        }

        var zone = Zone(timeZone);
        var local = MoveIntoHours(TimeZoneInfo.ConvertTime(start, zone).DateTime, hours);
        for (var days = (int)delay.TotalDays; days > 0; days--)
        {
            local = local.AddDays(1);
            while (!hours.WorkDays.Contains(local.DayOfWeek))
            {
                local = local.AddDays(1);
            }
        }

        local = MoveIntoHours(local + (delay - TimeSpan.FromDays((int)delay.TotalDays)), hours);
        return ToOffset(local, zone);
    }

    /// <summary>The zone for an IANA id, UTC when the id is unknown.</summary>
    public static TimeZoneInfo Zone(string? id) => Known(id) ?? TimeZoneInfo.Utc;

    /// <summary>The zone for an IANA id, or null when the id is missing or unknown to this machine.</summary>
    public static TimeZoneInfo? Known(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    private static DateTime MoveIntoHours(DateTime local, WorkingHours hours)
    {
        var time = TimeOnly.FromDateTime(local);
        if (hours.WorkDays.Contains(local.DayOfWeek) && time >= hours.Start && time < hours.End)
        {
            return local;
        }

        var day = time < hours.Start ? local.Date : local.Date.AddDays(1);
        while (!hours.WorkDays.Contains(day.DayOfWeek))
        {
            day = day.AddDays(1);
        }

        return day + hours.Start.ToTimeSpan();
    }

    internal static DateTimeOffset ToOffset(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1); // skipped by a DST change
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
