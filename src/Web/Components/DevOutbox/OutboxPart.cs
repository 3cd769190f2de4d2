using MimeKit;

namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>A part beside the two bodies (the calendar invitation, an .ics file); text parts keep their text.</summary>
public sealed record OutboxPart(string ContentType, string? FileName, string? Text, long? Size)
{
    public static OutboxPart From(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var text = part is TextPart textPart ? textPart.Text : null;
        return new OutboxPart(part.ContentType.MimeType + Method(part), part.FileName, text, content.Length);
    }

    private static string Method(MimePart part) =>
        part.ContentType.Parameters["method"] is { Length: > 0 } method ? $"; method={method}" : "";
}
