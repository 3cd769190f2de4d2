using System.Text.RegularExpressions;
using MimeKit;

namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>What the dev outbox shows of one message: headers, both bodies, extra parts and the links it carries.</summary>
public sealed partial record OutboxMessage(
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Subject,
    string? Html,
    string? Text,
    IReadOnlyList<OutboxPart> Parts,
    IReadOnlyList<Uri> Links)
{
    private static readonly HashSet<string> ShownHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Subject", "Date", "Message-ID", OutboxHeaders.Kind, OutboxHeaders.Request,
    };

    public static OutboxMessage From(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers
            .Where(h => ShownHeaders.Contains(h.Field))
            .Select(h => new KeyValuePair<string, string>(h.Field, h.Value))
            .ToList();
        var parts = message.BodyParts.OfType<MimePart>()
            .Where(p => !(p.ContentType.IsMimeType("text", "plain") || p.ContentType.IsMimeType("text", "html")) || p.IsAttachment)
            .Select(OutboxPart.From)
            .ToList();
        return new OutboxMessage(headers, message.Subject ?? "", message.HtmlBody, message.TextBody, parts, LinksIn(message));
    }

    private static List<Uri> LinksIn(MimeMessage message)
    {
        var source = message.HtmlBody is { } html
            ? Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            : Url().Matches(message.TextBody ?? "").Select(m => m.Value);
        return source
            .Select(s => Uri.TryCreate(s, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            .DistinctBy(u => u.AbsoluteUri)
            .ToList();
    }

    [GeneratedRegex("href=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
