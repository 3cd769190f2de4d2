using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Preferences;

/// <summary>Renders the self-service pages in the action pages' layout; every value is HTML-encoded.</summary>
public static class PreferencesHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(PreferencesPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        switch (model)
        {
            case PreferencesPageModel.Settings page:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(page.Title)}</h1>");
                body.Append(CultureInfo.InvariantCulture,
                    $"<p>Hello {E(Words.FirstName(page.Contact.Name))}. You speak for {E(page.Account.Account)} as a reference. Here you decide how often we ask you; a change applies from the next request.</p>");
                if (page.Saved is { } saved)
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"ok\" role=\"status\">{E(saved.Count == 0 ? "Nothing needed changing." : "Saved: " + string.Join("; ", saved) + ".")}</p>");
                if (page.Errors is not null)
                    body.Append("<p class=\"error\" role=\"alert\">Please check the fields marked below. Nothing was changed.</p>");
                History(body, page.History);
                PreferencesFormHtml.Settings(body, page);
                PreferencesFormHtml.Leave(body, page);
                ChangeLog(body, page);
                body.Append("<p class=\"hint\">No sign-in needed: the link in our email is your key, so please do not forward it.</p>");
                break;
            case PreferencesPageModel.Left left:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(left.Title)}</h1>");
                var since = left.Contact.LeftProgramOn is { } on ? $" (you left on {Words.Date(on)})" : "";
                body.Append(CultureInfo.InvariantCulture,
                    $"<p class=\"ok\" role=\"status\">{E($"{Words.FirstName(left.Contact.Name)}, we will not ask you to speak for {left.Account.Account} again{since}.")}</p>");
                body.Append(CultureInfo.InvariantCulture, $"<p>Thank you for the help you gave. If you change your mind, tell {E(Words.Person(left.Account.OwnerEmail).Name)}, who looks after your account.</p>");
                History(body, left.History);
                break;
            case PreferencesPageModel.Refused refused:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(refused.Heading)}</h1><p>{E(refused.Message)}</p>");
                break;
        }
        return ActionHtml.Page(model.Title, body.ToString());
    }

    private static void History(StringBuilder body, ContactHistory history)
    {
        body.Append("<h2>Your history with us</h2><dl>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Calls taken</dt><dd>{history.CallsTaken}</dd><dt>Thanks received</dt><dd>{history.ThanksReceived}</dd></dl>");
        if (history.Held.Count > 0)
        {
            body.Append("<table><thead><tr><th>When</th><th>What</th></tr></thead><tbody>");
            foreach (var held in history.Held.Take(10))
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Words.Date(DateOnly.FromDateTime(held.At.UtcDateTime)))}</td><td>{E(PreferencesFormHtml.ActivityLabel(held.Activity))}</td></tr>");
            body.Append("</tbody></table>");
        }
        var gifts = history.Thanks.Where(t => t.Gift is not null).Take(10).ToList();
        if (gifts.Count == 0) return;
        body.Append("<p>With our thanks we gave you:</p><ul>");
        foreach (var t in gifts)
            body.Append(CultureInfo.InvariantCulture, $"<li>{E(t.Gift!.Describe())}, {E(Words.Date(DateOnly.FromDateTime(t.At.UtcDateTime)))}</li>");
        body.Append("</ul>");
    }

    private static void ChangeLog(StringBuilder body, PreferencesPageModel.Settings page)
    {
        body.Append("<h2>What changed</h2>");
        if (page.Log.Count == 0)
        {
            body.Append("<p class=\"hint\">No changes yet.</p>");
            return;
        }
        body.Append("<table><thead><tr><th>When</th><th>Change</th></tr></thead><tbody>");
        foreach (var entry in page.Log)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(entry.At.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture))}</td><td>{E(entry.What)}</td></tr>");
        body.Append("</tbody></table>");
    }

    internal static string E(string value) => Encoder.Encode(value);
}
