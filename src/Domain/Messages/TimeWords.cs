using System.Globalization;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// The one way ReferenceFlow writes a date or a time for a person, in emails, on link pages and on the app's pages:
/// a day is "Thu 19 Nov 2026"; a moment is in the reader's zone with the zone named by its place,
/// "Thu 19 Nov 2026, 14:30 Paris time" (decision 034). A place reads the same in summer and winter, where "CET" or
/// "CEST" would ask the reader to know which one applies, and Windows or IANA ids are not words.
/// </summary>
public static class TimeWords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// The zone a person reads times in: <paramref name="id"/> when it names a known zone, else the program's business
    /// zone <paramref name="fallbackId"/>, else UTC.
    /// </summary>
    public static TimeZoneInfo Zone(string? id, string? fallbackId) => BusinessClock.Known(id) ?? BusinessClock.Zone(fallbackId);

    /// <summary>"Thu 19 Nov 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Inv);

    /// <summary>"19 Nov": a day on a chart's axis, where the chart says the year.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM", Inv);

    /// <summary>The day <paramref name="at"/> falls on in <paramref name="zone"/>, "Thu 19 Nov 2026".</summary>
    public static string Date(DateTimeOffset at, TimeZoneInfo zone) => Date(DateOnly.FromDateTime(Local(at, zone).DateTime));

    /// <summary>"Thu 19 Nov 2026, 14:30 Paris time".</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo zone) => $"{Date(at, zone)}, {Clock(at, zone)} {ZoneName(zone)}";

    /// <summary>"Thu 19 Nov 2026, 14:30–15:00 Paris time"; a span past midnight names both days.</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        Local(start, zone).Date == Local(end, zone).Date
            ? $"{Date(start, zone)}, {Clock(start, zone)}–{Clock(end, zone)} {ZoneName(zone)}"
            : $"{Date(start, zone)}, {Clock(start, zone)} – {Date(end, zone)}, {Clock(end, zone)} {ZoneName(zone)}";

    /// <summary>Working hours as their owner lives them: "Mon–Fri, 09:00–17:00 Paris time".</summary>
    public static string Hours(WorkingHours hours, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return $"{Days(hours.WorkDays)}, {hours.Start.ToString("HH:mm", Inv)}–{hours.End.ToString("HH:mm", Inv)} {ZoneName(zone)}";
    }

    /// <summary>The offset from UTC at <paramref name="at"/>, "UTC+01:00": for a tooltip beside the named zone.</summary>
    public static string Offset(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(at);
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.ToString(@"hh\:mm", Inv)}";
    }

    /// <summary>"Paris time", "New York time", "UTC", "UTC-5" for a fixed offset; a zone without a place keeps its id.</summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime && (id.StartsWith("Etc/", StringComparison.Ordinal) || !id.Contains('/', StringComparison.Ordinal)))
        {
            return "UTC";
        }

        if (id.StartsWith("Etc/", StringComparison.Ordinal))
        {
            var hours = zone.BaseUtcOffset.TotalHours;
            return string.Create(Inv, $"UTC{(hours < 0 ? "-" : "+")}{Math.Abs(hours):0.##}");
        }

        var slash = id.LastIndexOf('/');
        return slash < 0 ? id : id[(slash + 1)..].Replace('_', ' ') + " time";
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    private static string Clock(DateTimeOffset at, TimeZoneInfo zone) => Local(at, zone).ToString("HH:mm", Inv);

    /// <summary>"Mon–Fri" for a run of days, else the days listed: "Mon, Wed, Fri".</summary>
    private static string Days(IReadOnlyList<DayOfWeek> days)
    {
        var ordered = Week.Where(days.Contains).ToList();
        var run = ordered.Count > 2 && Array.IndexOf(Week, ordered[^1]) - Array.IndexOf(Week, ordered[0]) == ordered.Count - 1;
        return run ? $"{Short(ordered[0])}–{Short(ordered[^1])}" : string.Join(", ", ordered.Select(Short));
    }

    private static string Short(DayOfWeek day) => Inv.DateTimeFormat.GetAbbreviatedDayName(day);
}
