using OpenTelemetry;
using OpenTelemetry.Logs;
using ReferenceFlow.Api.Telemetry;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Link tokens and Graph mailboxes (<see cref="UrlSecrets"/>) out of exported log records: ASP.NET Core's own messages ("Request starting … /actions/…") name the URL
/// in their text and attributes when its categories log at Information. Scopes are redacted where they are pushed
/// (<see cref="RedactingScopeProvider"/>).
/// </summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FormattedMessage is { } message && UrlSecrets.Contains(message)) data.FormattedMessage = UrlSecrets.Redact(message);
        if (data.Body is { } body && UrlSecrets.Contains(body)) data.Body = UrlSecrets.Redact(body);
        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is string s && UrlSecrets.Contains(s)))
        {
            data.Attributes = attributes
                .Select(a => a.Value is string s ? new KeyValuePair<string, object?>(a.Key, UrlSecrets.Redact(s)) : a)
                .ToList();
        }
    }
}
