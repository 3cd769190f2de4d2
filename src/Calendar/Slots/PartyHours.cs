using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

/// <summary>One party's working hours in their own zone.</summary>
internal sealed record PartyHours(WorkingHours Hours, TimeZoneInfo Zone)
{
    /// <summary>True when [start, end) lies within one local working day.</summary>
    public bool Contains(DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, Zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, Zone);
        return localStart.Date == localEnd.Date
            && Hours.WorkDays.Contains(localStart.DayOfWeek)
            && TimeOnly.FromTimeSpan(localStart.TimeOfDay) >= Hours.Start
            && TimeOnly.FromTimeSpan(localEnd.TimeOfDay) <= Hours.End;
    }
}
