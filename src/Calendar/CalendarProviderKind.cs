namespace ReferenceFlow.Calendar;

public enum CalendarProviderKind
{
    WorkingHours,
    Graph,
    Ics,
}
