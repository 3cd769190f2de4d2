using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Messages;

/// <summary>What a nominated contact receives: the invitation, its reminders, and the welcome once they said yes.</summary>
public static class NominationEmails
{
    /// <summary>The step every invitation link is issued for: a nomination has one invitation.</summary>
    public const string Step = "invitation";

    public static OutboundEmail Invitation(Nomination n, DateTimeOffset expires) => Ask(n, expires, EmailKind.Invitation,
        $"Would you speak for {n.AccountName} as one of our customer references?", []);

    public static OutboundEmail Reminder(Nomination n, DateTimeOffset expires) => Ask(n, expires, EmailKind.InvitationReminder,
        $"Still open: joining our customer references",
        [$"A short reminder: our invitation is open until {Words.When(expires, "UTC")}. If now is not the time, a no is fine."]);

    public static OutboundEmail Welcome(Nomination n, string contactId)
    {
        var answer = n.Answer!;
        return new OutboundEmail(EmailKind.Welcome, n.Id, [new Recipient(n.Contact.Name, n.Contact.Email)], "Welcome to our customer references",
        [
            $"Thank you, {Words.FirstName(n.Contact.Name)}. You now speak for {n.AccountName} as one of our customer references.",
            $"You agreed to: {Words.List(answer.Activities.Select(Activity))}. We ask at most {Cap(answer.MaxCallsPerQuarter)}, and your consent lasts until {Words.Date(Nomination.ConsentUntil(answer.At))}.",
            "Every email we send you ends with a link to pause, change what you agree to, or leave; you never need to ask.",
        ],
        Preferences: new ContactKey(n.ReferenceId, contactId));
    }

    /// <summary>What each level of the program asks of a reference, in a few words (the Domain's levels).</summary>
    public static IReadOnlyList<string> Levels() =>
        [.. Enum.GetValues<ReferenceLevel>().OrderDescending().Select(l => $"Level {(int)l}: {ReferenceLevels.Describe(l)}.")];

    private static OutboundEmail Ask(Nomination n, DateTimeOffset expires, EmailKind kind, string subject, IReadOnlyList<string> lead) =>
        new(kind, n.Id, [new Recipient(n.Contact.Name, n.Contact.Email)], subject,
        [
            .. lead,
            $"{Words.FirstName(n.Contact.Name)}, {Words.Person(n.ProposedBy).Name} thought of you after {Nomination.Words(n.Source)}: would you speak for {n.AccountName} to companies considering what you use?",
            "You choose what you do: take a call from a prospect now and then, lend your name, logo or a quote, or speak at an event. You choose how often, and you can pause or leave at any time.",
            "Nothing happens unless you say yes on the page the button opens.",
        ],
        [new Fact("What it can mean", string.Join(" ", Levels()))],
        new ActionLink(ActionNames.NominationInvitation, Step, n.Contact.Email, [ActionNames.Accept, ActionNames.Decline], expires));

    private static string Cap(int? cap) => cap is { } n ? $"{n} {(n == 1 ? "call" : "calls")} a quarter" : "the program's usual number of calls a quarter";

    private static string Activity(Activity activity) => activity switch
    {
        References.Activity.Call => "calls",
        References.Activity.SiteVisit => "site visits",
        References.Activity.Quote => "quotes",
        References.Activity.Logo => "your logo",
        References.Activity.CaseStudy => "case studies",
        References.Activity.AnalystCall => "analyst calls",
        References.Activity.Press => "press mentions",
        References.Activity.Speaking => "talks at events",
        _ => "webinars",
    };
}
