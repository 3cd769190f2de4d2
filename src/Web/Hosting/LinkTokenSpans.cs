using System.Diagnostics;
using ReferenceFlow.Api.Telemetry;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Link tokens out of the server spans: the route (<c>/actions/{token}</c>) stays, the URL's path and the display name
/// lose the token. Run when the span starts and again when it ends, after the instrumentation named it from the route
/// (or, with no route, from the method and path).
/// </summary>
public static class LinkTokenSpans
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url"];

    public static void Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && LinkTokens.Contains(value)) activity.SetTag(tag, LinkTokens.Redact(value));
        }
        if (LinkTokens.Contains(activity.DisplayName)) activity.DisplayName = LinkTokens.Redact(activity.DisplayName);
    }
}
