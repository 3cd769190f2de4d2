namespace ReferenceFlow.Domain.Scheduling;

/// <summary>What the calendar adapter needs to propose a call slot.</summary>
public sealed record SlotRequest(
    string ReferenceEmail,
    string ReferenceTimeZone,
    WorkingHours ReferenceHours,
    string ProspectTimeZone,
    WorkingHours ProspectHours,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    TimeSpan Duration);

/// <summary>A slot found; <paramref name="InsideWindow"/> is false when none was free inside the window.</summary>
public sealed record ProposedSlot(DateTimeOffset Start, DateTimeOffset End, bool InsideWindow);
