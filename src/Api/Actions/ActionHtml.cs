using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Actions;

/// <summary>Renders action pages as plain, self-contained HTML; every value is HTML-encoded.</summary>
public static class ActionHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(ActionPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        switch (model)
        {
            case ActionPageModel.Form form:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(Heading(form.Action))}</h1>");
                if (form.Error is not null) body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(form.Error)}</p>");
                Context(body, form.Request, form.Action);
                body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/actions/{E(form.Token)}\"><fieldset><legend>Your decision</legend>");
                foreach (var decision in form.Decisions)
                {
                    var check = decision == form.Preselected ? " checked" : "";
                    body.Append(CultureInfo.InvariantCulture,
                        $"<label class=\"choice\"><input type=\"radio\" name=\"decision\" value=\"{E(decision)}\" required{check}> {E(Label(decision))}</label>");
                }
                body.Append("</fieldset><label for=\"reason\">Reason (optional; helps the team when you decline)</label>");
                body.Append("<textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"2000\"></textarea>");
                body.Append("<button type=\"submit\">Send my answer</button></form>");
                body.Append("<p class=\"hint\">Nothing happens until you press the button.</p>");
                break;
            case ActionPageModel.Confirmed confirmed:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(model.Title)}</h1><p class=\"ok\">You chose <strong>{E(Label(confirmed.Decision))}</strong>.</p>");
                body.Append(CultureInfo.InvariantCulture, $"<p>{E(NextStep(confirmed.Decision))}</p>");
                break;
            case ActionPageModel.Refused refused:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(refused.Heading)}</h1><p>{E(refused.Message)}</p>");
                break;
        }
        return Page(model.Title, body.ToString());
    }

    private static void Context(StringBuilder body, RequestState request, string action)
    {
        var intake = request.Intake;
        if (intake is null) return;
        body.Append("<dl>");
        Fact(body, "Prospect", $"{intake.Prospect.Company} — {intake.Prospect.Industry}, {intake.Prospect.Employees:N0} employees, {intake.Prospect.Country}");
        Fact(body, "Speaking with", $"{intake.Prospect.ContactTitle ?? intake.Prospect.Seniority.ToString()} ({intake.Prospect.Persona})");
        Fact(body, "Asked for", $"{intake.Activity} by {intake.NeededBy:yyyy-MM-dd}");
        Fact(body, "Why", intake.Purpose.ToString());
        if (intake.Topics.Count > 0) Fact(body, "Topics", string.Join(", ", intake.Topics));
        if (!string.IsNullOrEmpty(intake.Commitment)) Fact(body, "Prospect's commitment", intake.Commitment);
        Fact(body, "Stage", $"{intake.Opportunity.Stage} — requested by {request.RequesterEmail}");
        if (request.Current is { } current && action == ActionNames.OwnerApproval)
        {
            Fact(body, "Your customer", $"{current.Account.Name}: {current.Contact.Name}, {current.Contact.Title}");
            if (current.Account.CautionNote is { } note) Fact(body, "Caution", note);
        }
        body.Append("</dl>");
    }

    private static void Fact(StringBuilder body, string label, string value) =>
        body.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{E(value)}</dd>");

    private static string Heading(string action) => action == ActionNames.OwnerApproval
        ? "May we ask your customer to speak with this prospect?"
        : "Would you take a reference call with this prospect?";

    private static string Label(string decision) => decision switch
    {
        ActionNames.Approve => "Approve",
        ActionNames.Accept => "Yes, I'll take the call",
        ActionNames.Decline => "Decline",
        _ => decision,
    };

    private static string NextStep(string decision) => decision switch
    {
        ActionNames.Approve => "We will now ask the reference whether they can take the call. You will be copied on the introduction.",
        ActionNames.Accept => "You will receive a short briefing and an introduction with a proposed time shortly.",
        _ => "We will look for another reference. Thank you for letting us know.",
    };

    private static string E(string value) => Encoder.Encode(value);

    /// <summary>The one layout of the pages people reach from an email (action links, self-service).</summary>
    internal static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{{E(title)}} · ReferenceFlow</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f5f6f8;color:#1d2433;margin:0}
        main{max-width:40rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem 2.5rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
        .brand{color:#4b5dd8;font-weight:700;letter-spacing:.02em;margin-bottom:1rem}
        h1{font-size:1.4rem;line-height:1.3}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:1.5rem 0}
        dt{font-weight:600;color:#5a6275}dd{margin:0}
        fieldset{border:1px solid #dde1ea;border-radius:8px;padding:1rem;margin:0 0 1rem}
        .choice{display:block;padding:.35rem 0;font-size:1.05rem}
        textarea{width:100%;box-sizing:border-box;border:1px solid #c9cfdb;border-radius:6px;padding:.5rem;font:inherit;margin:.3rem 0 1rem}
        button{background:#4b5dd8;color:#fff;border:0;border-radius:6px;padding:.7rem 1.4rem;font-size:1rem;cursor:pointer}
        .error{color:#a4262c;font-weight:600}.ok{color:#107c10}.hint{color:#5a6275;font-size:.9rem}
        h2{font-size:1.1rem;margin:2rem 0 .5rem}label{display:block;font-weight:600;margin:.8rem 0 .2rem}
        input[type=date],input[type=number]{border:1px solid #c9cfdb;border-radius:6px;padding:.45rem;font:inherit}
        .choice input,.check input{margin-right:.4rem}.choice,.check{font-weight:400;margin:0}
        .field-error{color:#a4262c;margin:.2rem 0 .6rem;font-size:.95rem}
        table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eef0f4;vertical-align:top}
        button.quiet{background:#fff;color:#a4262c;border:1px solid #a4262c}
        </style></head>
        <body><main><div class="brand">ReferenceFlow</div>{{body}}</main></body></html>
        """;
}
