using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace ReferenceFlow.Calendar.Ics;

/// <summary>
/// Reads VFREEBUSY's FREEBUSY properties from the raw text: Ical.Net 5 parses the component but leaves the
/// period values empty. RFC 5545 3.8.2.6: values are UTC periods, start/end or start/duration, comma separated.
/// </summary>
internal static partial class FreeBusyLines
{
    public static IEnumerable<BusyInterval> Busy(string ics)
    {
        var unfolded = FoldRegex().Replace(ics, "");
        var inside = false;
        foreach (var line in unfolded.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Equals("BEGIN:VFREEBUSY", StringComparison.OrdinalIgnoreCase)) { inside = true; continue; }
            if (line.Equals("END:VFREEBUSY", StringComparison.OrdinalIgnoreCase)) { inside = false; continue; }
            var match = inside ? LineRegex().Match(line) : Match.Empty;
            if (!match.Success)
            {
                continue;
            }
            var type = match.Groups["params"].Value.Split(';').Select(p => p.Split('=', 2))
                .FirstOrDefault(p => p[0].Equals("FBTYPE", StringComparison.OrdinalIgnoreCase))?[1] ?? "BUSY";
            if (type.Equals("FREE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var period in match.Groups["value"].Value.Split(','))
            {
                yield return Period(period.Trim());
            }
        }
    }

    private static BusyInterval Period(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not a FREEBUSY period.");
        }
        var start = Utc(parts[0]);
        var end = parts[1].StartsWith('P') || parts[1].StartsWith("+P", StringComparison.Ordinal)
            ? start + XmlConvert.ToTimeSpan(parts[1].TrimStart('+'))
            : Utc(parts[1]);
        return new BusyInterval(start, end);
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex(@"\r?\n[ \t]")]
    private static partial Regex FoldRegex();

    [GeneratedRegex(@"^FREEBUSY(?<params>(;[^:]*)?):(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LineRegex();
}
