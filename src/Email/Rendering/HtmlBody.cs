using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Email.Rendering;

/// <summary>A small inline-styled HTML layout (mail clients ignore style sheets). Every user string is encoded.</summary>
internal static class HtmlBody
{
    private const string Font = "font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111827";

    public static string Render(OutboundEmail email, MintedAction? action, Uri? preferences = null, string sender = "ReferenceFlow",
        IReadOnlyList<LinkedPage>? pages = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(email.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f3f4f6\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;").Append(Font).Append("\">");
        foreach (var paragraph in email.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 14px\">").Append(E(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        if (email.Facts is { Count: > 0 } facts)
        {
            html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:8px 0 18px;width:100%\">");
            foreach (var fact in facts)
            {
                html.Append("<tr><th style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:#6b7280;font-weight:600;white-space:nowrap\">")
                    .Append(E(fact.Label)).Append("</th><td style=\"padding:4px 0\">").Append(E(fact.Value)).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        if (pages is { Count: > 0 })
        {
            html.Append("<ul style=\"margin:0 0 18px;padding-left:20px\">");
            foreach (var page in pages)
            {
                html.Append("<li style=\"margin:0 0 6px\"><a href=\"").Append(E(page.Url.AbsoluteUri)).Append("\" style=\"color:#1d4ed8\">")
                    .Append(E(page.Label)).Append("</a></li>");
            }
            html.Append("</ul>");
        }
        if (action is not null)
        {
            html.Append("<p style=\"margin:18px 0 8px\">");
            foreach (var decision in action.Decisions)
            {
                html.Append("<a href=\"").Append(E(decision.Url.AbsoluteUri)).Append("\" style=\"display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;")
                    .Append("background:").Append(DecisionLabels.Colour(decision.Decision)).Append(";color:#ffffff;text-decoration:none;font-weight:600\">")
                    .Append(E(DecisionLabels.Label(decision.Decision))).Append("</a>");
            }
            html.Append("</p><p style=\"margin:0;font-size:13px;color:#6b7280\">Each button opens a page where you confirm; nothing happens until you do. ")
                .Append("<a href=\"").Append(E(action.PageUrl.AbsoluteUri)).Append("\" style=\"color:#6b7280\">Open the page</a>.</p>");
        }
        if (preferences is not null)
        {
            html.Append("<p style=\"margin:18px 0 0;padding-top:12px;border-top:1px solid #e5e7eb;font-size:13px;color:#6b7280\">")
                .Append("<a href=\"").Append(E(preferences.AbsoluteUri)).Append("\" style=\"color:#4b5563\">").Append(E(PreferencesLink.Label)).Append("</a>")
                .Append(" — pause, change what you agree to, or leave the program.</p>");
        }
        html.Append("</div><p style=\"text-align:center;font-size:12px;color:#9ca3af;font-family:Helvetica,Arial,sans-serif\">Sent by ").Append(E(sender)).Append("</p></body></html>");
        return html.ToString();
    }

    // All of Unicode stays readable (Dubois, Müller, 東京); markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
