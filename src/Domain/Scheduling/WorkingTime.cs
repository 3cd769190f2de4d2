namespace ReferenceFlow.Domain.Scheduling;

/// <summary>
/// Time counted inside working hours only: how much of it lies between two instants, and where a span of it ends. What
/// <see cref="BusinessClock"/> does for whole days, this does to the minute, for timers fitted into the time a request has left.
/// </summary>
public static class WorkingTime
{
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        if (to <= from) return TimeSpan.Zero;
        if (!HasHours(hours)) return to - from;

        var start = Local(from, zone);
        var end = Local(to, zone);
        var total = TimeSpan.Zero;
        for (var day = start.Date; day <= end.Date; day = day.AddDays(1))
        {
            if (!hours.WorkDays.Contains(day.DayOfWeek)) continue;
            var open = Later(day + hours.Start.ToTimeSpan(), start);
            var close = Earlier(day + hours.End.ToTimeSpan(), end);
            if (close > open) total += close - open;
        }

        return total;
    }

    /// <summary>The instant <paramref name="span"/> of working time after <paramref name="from"/>; it lands inside working hours.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, TimeSpan span, TimeZoneInfo zone, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        if (span <= TimeSpan.Zero) return from;
        if (!HasHours(hours)) return from + span;

        var start = Local(from, zone);
        var left = span;
        for (var day = start.Date; ; day = day.AddDays(1))
        {
            if (!hours.WorkDays.Contains(day.DayOfWeek)) continue;
            var open = Later(day + hours.Start.ToTimeSpan(), start);
            var close = day + hours.End.ToTimeSpan();
            if (close <= open) continue;
            if (close - open >= left) return BusinessClock.ToOffset(open + left, zone);
            left -= close - open;
        }
    }

    // Hours that never open would make every span endless: such a calendar counts clock time instead.
    private static bool HasHours(WorkingHours hours) => hours.WorkDays.Count > 0 && hours.End > hours.Start;

    private static DateTime Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
