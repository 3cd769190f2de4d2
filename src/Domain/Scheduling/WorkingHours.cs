namespace ReferenceFlow.Domain.Scheduling;

/// <summary>Local working hours, Monday to Friday unless days say otherwise.</summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek>? Days = null)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public IReadOnlyList<DayOfWeek> WorkDays => Days ??
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
