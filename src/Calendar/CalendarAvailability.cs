using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar;

/// <summary>
/// What a calendar source knows about one person: busy intervals, and their working hours and time zone
/// when the source has them (Graph does; a profile-based source leaves them to the request).
/// </summary>
public sealed record CalendarAvailability(IReadOnlyList<BusyInterval> Busy, WorkingHours? WorkingHours = null, string? WorkingTimeZone = null)
{
    public static CalendarAvailability Unknown { get; } = new([]);
}
