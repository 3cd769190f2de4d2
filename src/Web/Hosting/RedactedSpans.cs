using System.Diagnostics;
using ReferenceFlow.Api.Telemetry;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Link tokens and Graph mailboxes (<see cref="UrlSecrets"/>) out of HTTP spans: a server span's route
/// (<c>/actions/{token}</c>) stays while its URL's path and display name lose the token; an outgoing call's
/// <c>url.full</c> loses the mailbox Graph's calendar calls name. Run when the span starts, when the answer comes and on a
/// failure, after the instrumentation named it.
/// </summary>
public static class RedactedSpans
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url"];

    public static void Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && UrlSecrets.Contains(value)) activity.SetTag(tag, UrlSecrets.Redact(value));
        }
        if (UrlSecrets.Contains(activity.DisplayName)) activity.DisplayName = UrlSecrets.Redact(activity.DisplayName);
    }
}
