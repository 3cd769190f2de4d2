using System.Diagnostics;
using ReferenceFlow.Api.Telemetry;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Contact emails out of the spans of outgoing HTTP calls: Graph's calendar calls put the mailbox in the URL, which the
/// HttpClient instrumentation records as <c>url.full</c>. Run when the request is sent, when the answer comes and on a failure.
/// </summary>
public static class OutgoingCallSpans
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "url.path"];

    public static void Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && GraphMailboxUrls.Contains(value)) activity.SetTag(tag, GraphMailboxUrls.Redact(value));
        }
        if (GraphMailboxUrls.Contains(activity.DisplayName)) activity.DisplayName = GraphMailboxUrls.Redact(activity.DisplayName);
    }
}
