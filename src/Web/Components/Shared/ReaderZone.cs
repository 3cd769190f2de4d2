using System.Text.RegularExpressions;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;

namespace ReferenceFlow.Web.Components.Shared;

/// <summary>
/// The zone the signed-in person reads times in: their browser's, which <c>reader-zone.js</c> keeps in a cookie, when it
/// is an IANA zone this machine knows; otherwise the program's business zone (decision 034). Resolved once per request.
/// </summary>
public static partial class ReaderZone
{
    /// <summary>The cookie <c>wwwroot/reader-zone.js</c> sets; it holds a zone id and nothing else.</summary>
    public const string Cookie = "rf-zone";

    public static TimeZoneInfo Of(HttpContext? http, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (http?.Items[typeof(ReaderZone)] is TimeZoneInfo known) return known;
        var zone = TimeWords.Zone(Asked(http), policy.BusinessTimeZone);
        if (http is not null) http.Items[typeof(ReaderZone)] = zone;
        return zone;
    }

    /// <summary>The zone the reader's browser said it is in, when it said one this machine knows; else null.</summary>
    public static string? Asked(HttpContext? http)
    {
        var asked = http?.Request.Cookies[Cookie];
        // The cookie is the browser's to write: only the shape of a zone id reaches the time zone database.
        return asked is { Length: <= 64 } && ZoneId().IsMatch(asked) && IsoCodes.IsTimeZone(asked) ? asked : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
    private static partial Regex ZoneId();
}
