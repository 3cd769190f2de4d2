using System.Text.RegularExpressions;

namespace ReferenceFlow.Api.Telemetry;

/// <summary>
/// The signed tokens of /actions, /preferences and /invitations are credentials carried in the path: whoever reads one in
/// a trace or a log can act as the person it was mailed to. Everything that records a path or URL passes it through here.
/// </summary>
public static partial class LinkTokens
{
    public const string Placeholder = "{token}";

    /// <summary>The text with every link token replaced by <see cref="Placeholder"/>; other text unchanged.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Contains(text) ? TokenSegment().Replace(text, "$1" + Placeholder) : text;
    }

    /// <summary>A cheap test first: most paths and messages name no link page.</summary>
    public static bool Contains(string text) =>
        text.Contains("/actions/", StringComparison.OrdinalIgnoreCase)
        || text.Contains("/preferences/", StringComparison.OrdinalIgnoreCase)
        || text.Contains("/invitations/", StringComparison.OrdinalIgnoreCase);

    // The segment after the page's name, up to the next '/', '?', '#', quote or white space; "{token}" itself stays.
    [GeneratedRegex(@"(/(?:actions|preferences|invitations)/)(?!\{token\})[^/?#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenSegment();
}
