using System.Text.RegularExpressions;

namespace ReferenceFlow.Api.Telemetry;

/// <summary>
/// What a URL or path may carry that no trace or log may keep: the signed tokens of /actions, /preferences and
/// /invitations (whoever reads one can act as the person it was mailed to), and the mailbox Microsoft Graph's calendar
/// calls name in the path (<c>/users/jane%40contoso.example/calendar/getSchedule</c>, a contact's email). Everything that
/// records a path, a URL or a message that may quote one passes it through here.
/// </summary>
public static partial class UrlSecrets
{
    public const string TokenPlaceholder = "{token}";
    public const string MailboxPlaceholder = "{redacted}";

    /// <summary>The text with every link token and Graph mailbox replaced by its placeholder; other text unchanged.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NamesLinkPage(text)) text = TokenSegment().Replace(text, "$1" + TokenPlaceholder);
        if (NamesMailbox(text)) text = MailboxSegment().Replace(text, "$1" + MailboxPlaceholder);
        return text;
    }

    /// <summary>A cheap test first: most paths and messages name neither a link page nor a mailbox.</summary>
    public static bool Contains(string text) => NamesLinkPage(text) || NamesMailbox(text);

    private static bool NamesLinkPage(string text) =>
        text.Contains("/actions/", StringComparison.OrdinalIgnoreCase)
        || text.Contains("/preferences/", StringComparison.OrdinalIgnoreCase)
        || text.Contains("/invitations/", StringComparison.OrdinalIgnoreCase);

    private static bool NamesMailbox(string text) => text.Contains("/users/", StringComparison.OrdinalIgnoreCase);

    // The segment after the page's name or /users/, up to the next '/', '?', '#', quote or white space; a placeholder stays.
    [GeneratedRegex(@"(/(?:actions|preferences|invitations)/)(?!\{token\})[^/?#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenSegment();

    [GeneratedRegex(@"(/users/)(?!\{redacted\})[^/?#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailboxSegment();
}
