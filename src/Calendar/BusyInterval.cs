namespace ReferenceFlow.Calendar;

/// <summary>A time someone is not available, as absolute instants.</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
