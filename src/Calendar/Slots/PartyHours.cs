using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

/// <summary>One party's working hours in their own zone.</summary>
internal sealed record PartyHours(WorkingHours Hours, TimeZoneInfo Zone)
{
    /// <summary>True when [start, end) lies within one local working day.</summary>
    public bool Contains(DateTimeOffset start, DateTimeOffset end) => Hours.Covers(start, end, Zone);
}
