using System.Globalization;
using System.Text;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>Renders the invitation page in the action pages' layout; every value is HTML-encoded.</summary>
public static class InvitationHtml
{
    public static string Render(InvitationPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        switch (model)
        {
            case InvitationPageModel.Form form:
                Invitation(body, form);
                break;
            case InvitationPageModel.Answered { Accepted: true } yes:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(model.Title)}</h1><p class=\"ok\" role=\"status\">{E($"{Words.FirstName(yes.Nomination.Contact.Name)}, you now speak for {yes.Nomination.AccountName} as one of our customer references.")}</p>");
                body.Append(CultureInfo.InvariantCulture, $"<p>{E($"Your consent lasts until {Words.Date(Nomination.ConsentUntil(yes.Nomination.Answer!.At))}.")} A short welcome email follows, with the link to pause, change what you agree to, or leave at any time.</p>");
                break;
            case InvitationPageModel.Answered:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(model.Title)}</h1><p class=\"ok\" role=\"status\">You said no, thank you. We will not ask again about joining.</p>");
                break;
            case InvitationPageModel.Refused refused:
                body.Append(CultureInfo.InvariantCulture, $"<h1>{E(refused.Heading)}</h1><p>{E(refused.Message)}</p>");
                break;
        }
        return ActionHtml.Page(model.Title, body.ToString());
    }

    private static void Invitation(StringBuilder body, InvitationPageModel.Form form)
    {
        var n = form.Nomination;
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E($"Would you speak for {n.AccountName} as one of our customer references?")}</h1>");
        if (form.Error is not null) body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(form.Error)}</p>");
        if (form.Errors is not null) body.Append("<p class=\"error\" role=\"alert\">Please check the fields marked below. Nothing was recorded.</p>");
        body.Append(CultureInfo.InvariantCulture,
            $"<p>{E($"Hello {Words.FirstName(n.Contact.Name)}. {Words.Person(n.ProposedBy).Name} thought of you after {Nomination.Words(n.Source)}.")} Here is what joining means; nothing happens until you press a button.</p>");
        if (n.Quote is { } quote) body.Append(CultureInfo.InvariantCulture, $"<p>What you told us: <q>{E(quote)}</q></p>");

        body.Append("<h2>What joining means</h2><ul>");
        foreach (var level in NominationEmails.Levels()) body.Append(CultureInfo.InvariantCulture, $"<li>{E(level)}</li>");
        body.Append("</ul>");
        body.Append(CultureInfo.InvariantCulture,
            $"<p>{E($"You choose which of these you do. We ask for at most {form.ProgramCap} {(form.ProgramCap == 1 ? "call" : "calls")} a quarter, fewer if you say so, and only with your yes to each request.")}</p>");
        body.Append("<p>Every email we send you carries a link to pause requests, change what you agree to, or leave the program. Your consent lasts a year.</p>");

        var posted = form.Posted;
        var chosen = posted?.Activities ?? [.. n.Contact.Activities.Select(a => a.ToString())];
        var topics = posted?.Topics ?? string.Join(", ", n.Contact.Topics);
        var cap = posted?.MaxCallsPerQuarter ?? "";
        body.Append(CultureInfo.InvariantCulture, $"<h2>Yes, I will join</h2><form method=\"post\" action=\"/invitations/{E(form.Token)}\" novalidate>");
        body.Append("<input type=\"hidden\" name=\"decision\" value=\"accept\">");
        PreferencesFormHtml.Choices(body, form.Errors, chosen, topics, cap, form.ProgramCap, null);
        body.Append("<button type=\"submit\">Yes, I will join</button></form>");

        body.Append(CultureInfo.InvariantCulture, $"<h2>No, thank you</h2><form method=\"post\" action=\"/invitations/{E(form.Token)}\">");
        body.Append("<input type=\"hidden\" name=\"decision\" value=\"decline\">");
        body.Append("<label for=\"reason\">Anything you would like us to know (optional)</label><textarea id=\"reason\" name=\"reason\" rows=\"2\" maxlength=\"2000\"></textarea>");
        body.Append("<button type=\"submit\" class=\"quiet\">No, thank you</button></form>");
        body.Append("<p class=\"hint\">No sign-in needed: the link in our email is your key, so please do not forward it.</p>");
    }

    private static string E(string value) => PreferencesHtml.E(value);
}
