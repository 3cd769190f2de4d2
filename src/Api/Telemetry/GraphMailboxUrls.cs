using System.Text.RegularExpressions;

namespace ReferenceFlow.Api.Telemetry;

/// <summary>
/// Microsoft Graph's calendar calls name the mailbox in the path (<c>/users/jane%40contoso.example/calendar/getSchedule</c>),
/// so an outgoing call's URL carries a contact's email. Everything that records an outgoing URL passes it through here.
/// </summary>
public static partial class GraphMailboxUrls
{
    public const string Placeholder = "{redacted}";

    /// <summary>The text with the segment after every <c>/users/</c> replaced by <see cref="Placeholder"/>; other text unchanged.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Contains(text) ? UserSegment().Replace(text, "$1" + Placeholder) : text;
    }

    public static bool Contains(string text) => text.Contains("/users/", StringComparison.OrdinalIgnoreCase);

    // Up to the next '/', '?', '#', quote or white space; the placeholder itself stays.
    [GeneratedRegex(@"(/users/)(?!\{redacted\})[^/?#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserSegment();
}
