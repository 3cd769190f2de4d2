namespace ReferenceFlow.Calendar.Slots;

internal static class Zones
{
    /// <summary>An IANA (or Windows) zone id, or a clear error naming it.</summary>
    public static TimeZoneInfo Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new ArgumentException($"'{id}' is not a known time zone (IANA ids such as Europe/Paris are expected).", nameof(id));
}
