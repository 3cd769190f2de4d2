using System.Globalization;
using System.Text.RegularExpressions;
using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Domain.People;

/// <summary>
/// Times in an email to one of our staff, written in their own zone. The Domain does not know a staff member's zone (the
/// people directory does, and the Domain does no I/O), so it writes <see cref="At"/>'s marker with the program's zone as
/// the fallback, and the email adapter fills it in the zone of the person the email is written to, as it fills
/// <see cref="StaffNames"/> (decision 038).
/// </summary>
public static partial class StaffTimes
{
    /// <summary>Stands for "Thu 19 Nov 2026, 14:30 Paris time" in the reader's zone, or in <paramref name="fallbackZoneId"/>'s when theirs is unknown.</summary>
    public static string At(DateTimeOffset at, string? fallbackZoneId) =>
        "{time:" + at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "|" + (fallbackZoneId ?? "") + "}";

    public static bool In(string? text) => !string.IsNullOrEmpty(text) && Marker().IsMatch(text);

    /// <summary>The text with each marker written in <paramref name="readerZoneId"/> when it names a known zone, else in the marker's fallback.</summary>
    public static string Fill(string text, string? readerZoneId)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Marker().Replace(text, m =>
        {
            var at = DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            return TimeWords.When(at, TimeWords.Zone(readerZoneId, m.Groups["zone"].Value));
        });
    }

    [GeneratedRegex(@"\{time:(?<at>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\|(?<zone>[^{}|]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
