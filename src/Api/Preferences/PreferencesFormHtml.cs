using System.Globalization;
using System.Text;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Preferences;

/// <summary>The two forms of the settings page: change the settings, or leave. Filled with what was posted when it was wrong.</summary>
internal static class PreferencesFormHtml
{
    public static void Settings(StringBuilder body, PreferencesPageModel.Settings page)
    {
        var contact = page.Contact;
        var posted = page.Posted is { Intent: PreferencesForm.Save } p ? p : null;
        var today = page.Today;
        var paused = posted?.PausedUntil ?? (contact.PausedUntil is { } until && until > today ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
        var chosen = posted?.Activities ?? [.. contact.Activities.Select(a => a.ToString())];
        var topics = posted?.Topics ?? string.Join(", ", contact.Topics);
        var cap = posted?.MaxCallsPerQuarter ?? contact.MaxCallsPerQuarter?.ToString(CultureInfo.InvariantCulture) ?? "";

        body.Append(CultureInfo.InvariantCulture, $"<h2>Your settings</h2><form method=\"post\" action=\"/preferences/{E(page.Token)}\" novalidate>");
        body.Append("<input type=\"hidden\" name=\"intent\" value=\"save\">");
        body.Append(CultureInfo.InvariantCulture, $"<label for=\"pausedUntil\">Pause requests until</label><input type=\"date\" id=\"pausedUntil\" name=\"pausedUntil\" value=\"{E(paused)}\"{Described(page, "pausedUntil")}>");
        Error(body, page, "pausedUntil", "We will not ask you before this day. Leave it empty for no pause.");

        Choices(body, page.Errors, chosen, topics, cap, page.ProgramCap, contact.MaxCallsPerQuarter);
        body.Append("<button type=\"submit\">Save my settings</button></form>");
    }

    /// <summary>
    /// What a reference agrees to, the topics and the calls per quarter: the fields the settings form and the invitation's yes
    /// share, named as <see cref="PreferencesForm.Read"/> reads them. <paramref name="currentCap"/> a program manager set above the
    /// program's cap stays allowed.
    /// </summary>
    public static void Choices(StringBuilder body, IReadOnlyDictionary<string, string[]>? errors, IReadOnlyList<string> chosen, string topics, string cap,
        int programCap, int? currentCap)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(chosen);
        body.Append("<fieldset><legend>What you agree to do</legend>");
        foreach (var activity in Enum.GetValues<Activity>())
        {
            var check = chosen.Contains(activity.ToString()) ? " checked" : "";
            body.Append(CultureInfo.InvariantCulture,
                $"<label class=\"check\"><input type=\"checkbox\" name=\"activities\" value=\"{activity}\"{check}> {E(ActivityLabel(activity.ToString()))}</label>");
        }
        body.Append("</fieldset>");
        Error(body, errors, "activities", null);

        body.Append(CultureInfo.InvariantCulture, $"<label for=\"topics\">Topics you can speak to</label><textarea id=\"topics\" name=\"topics\" rows=\"2\" maxlength=\"2000\"{Described(errors, "topics")}>{E(topics)}</textarea>");
        Error(body, errors, "topics", "Separate them with commas, e.g. migration, implementation.");

        body.Append(CultureInfo.InvariantCulture,
            $"<label for=\"maxCallsPerQuarter\">Calls per quarter, at most</label><input type=\"number\" id=\"maxCallsPerQuarter\" name=\"maxCallsPerQuarter\" min=\"1\" max=\"{Math.Max(programCap, currentCap ?? 0)}\" value=\"{E(cap)}\"{Described(errors, "maxCallsPerQuarter")}>");
        Error(body, errors, "maxCallsPerQuarter", $"Up to {programCap}, the program's limit. Empty: the program's usual number.");
    }

    public static void Leave(StringBuilder body, PreferencesPageModel.Settings page)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2>Leave the program</h2><form method=\"post\" action=\"/preferences/{E(page.Token)}\" novalidate>");
        body.Append("<input type=\"hidden\" name=\"intent\" value=\"leave\">");
        body.Append("<p>We will stop asking you for calls and other help, and withdraw your consent. Your history stays with us.</p>");
        body.Append(CultureInfo.InvariantCulture,
            $"<label class=\"check\"><input type=\"checkbox\" name=\"confirmLeave\" value=\"yes\"{Described(page, "confirmLeave")}> Yes, I want to leave the reference program</label>");
        Error(body, page, "confirmLeave", null);
        body.Append("<button type=\"submit\" class=\"quiet\">Leave the program</button></form>");
    }

    public static string ActivityLabel(string activity) => activity switch
    {
        nameof(Activity.Call) => "Reference calls with prospects",
        nameof(Activity.SiteVisit) => "Site visits",
        nameof(Activity.Quote) => "A quote in our materials",
        nameof(Activity.Logo) => "Your logo among our customers",
        nameof(Activity.CaseStudy) => "Case studies",
        nameof(Activity.AnalystCall) => "Calls with industry analysts",
        nameof(Activity.Press) => "A word for the press",
        nameof(Activity.Speaking) => "Talks at our events",
        nameof(Activity.Webinar) => "Webinars",
        _ => activity,
    };

    private static string Described(PreferencesPageModel.Settings page, string field) => Described(page.Errors, field);

    private static string Described(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors?.ContainsKey(field) == true ? $" aria-invalid=\"true\" aria-describedby=\"{field}-error\"" : "";

    private static void Error(StringBuilder body, PreferencesPageModel.Settings page, string field, string? hint) => Error(body, page.Errors, field, hint);

    private static void Error(StringBuilder body, IReadOnlyDictionary<string, string[]>? errors, string field, string? hint)
    {
        if (errors?.GetValueOrDefault(field) is { Length: > 0 } messages)
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"field-error\" id=\"{field}-error\">{E(string.Join(" ", messages))}</p>");
        else if (hint is not null)
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">{E(hint)}</p>");
    }

    private static string E(string value) => PreferencesHtml.E(value);
}
