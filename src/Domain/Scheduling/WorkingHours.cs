namespace ReferenceFlow.Domain.Scheduling;

/// <summary>Local working hours, Monday to Friday unless days say otherwise.</summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek>? Days = null)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public IReadOnlyList<DayOfWeek> WorkDays => Days ??
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>True when [start, end) lies within one working day in <paramref name="zone"/>.</summary>
    public bool Covers(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        return localStart.Date == localEnd.Date
            && WorkDays.Contains(localStart.DayOfWeek)
            && TimeOnly.FromTimeSpan(localStart.TimeOfDay) >= Start
            && TimeOnly.FromTimeSpan(localEnd.TimeOfDay) <= End;
    }
}
