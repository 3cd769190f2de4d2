using OpenTelemetry;
using OpenTelemetry.Logs;
using ReferenceFlow.Api.Telemetry;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Link tokens out of exported log records: ASP.NET Core's own messages ("Request starting … /actions/…") name the URL
/// in their text and attributes when its categories log at Information. Scopes are redacted where they are pushed
/// (<see cref="RedactingScopeProvider"/>).
/// </summary>
public sealed class LinkTokenLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FormattedMessage is { } message && LinkTokens.Contains(message)) data.FormattedMessage = LinkTokens.Redact(message);
        if (data.Body is { } body && LinkTokens.Contains(body)) data.Body = LinkTokens.Redact(body);
        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is string s && LinkTokens.Contains(s)))
        {
            data.Attributes = attributes
                .Select(a => a.Value is string s ? new KeyValuePair<string, object?>(a.Key, LinkTokens.Redact(s)) : a)
                .ToList();
        }
    }
}
