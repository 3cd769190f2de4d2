using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// What a nominated contact receives: the invitation, its reminders, and the welcome once they said yes. Our company
/// speaks to theirs: they would speak to other companies about us, not "for" their own company, and the program's
/// level numbers stay internal.
/// </summary>
public static class NominationEmails
{
    /// <summary>The step every invitation link is issued for: a nomination has one invitation.</summary>
    public const string Step = "invitation";

    public static OutboundEmail Invitation(Nomination n, DateTimeOffset expires) => Ask(n, expires, EmailKind.Invitation,
        $"Would you be a customer reference for {OurCompany.Name}?", []);

    /// <summary>The deadline in the contact's own zone, or the program's <paramref name="businessTimeZone"/> when theirs is unknown.</summary>
    public static OutboundEmail Reminder(Nomination n, DateTimeOffset expires, string businessTimeZone) => Ask(n, expires, EmailKind.InvitationReminder,
        $"Still open: becoming a customer reference for {OurCompany.Name}",
        [$"A short reminder: our invitation is open until {TimeWords.When(expires, TimeWords.Zone(n.Contact.TimeZone, businessTimeZone))}. If now is not the time, a no is fine."]);

    public static OutboundEmail Welcome(Nomination n, string contactId)
    {
        var answer = n.Answer!;
        return new OutboundEmail(EmailKind.Welcome, n.Id, [new Recipient(n.Contact.Name, n.Contact.Email)], $"Welcome to the customer references of {OurCompany.Name}",
        [
            $"Thank you, {Words.FirstName(n.Contact.Name)}. You are now one of the customer references of {OurCompany.Name}: companies considering us may hear from you how it works at {n.AccountName}.",
            $"You agreed to: {Words.List(answer.Activities.Select(a => a.Agreement().ToLowerInvariant()))}. We ask at most {Cap(answer.MaxCallsPerQuarter)}, and your consent lasts until {TimeWords.Date(Nomination.ConsentUntil(answer.At))}.",
            "Every email we send you ends with a link to pause, change what you agree to, or leave; you never need to ask.",
        ],
        Preferences: new ContactKey(n.ReferenceId, contactId));
    }

    /// <summary>What taking part can mean, in a customer's words, from the most to the least asked of them.</summary>
    public static IReadOnlyList<string> WaysToHelp() =>
    [
        "Take a call from a company considering us, now and then.",
        "Lend your name, your logo or a quote to our materials.",
        "Speak with us at an event or in a webinar.",
    ];

    private static OutboundEmail Ask(Nomination n, DateTimeOffset expires, EmailKind kind, string subject, IReadOnlyList<string> lead) =>
        new(kind, n.Id, [new Recipient(n.Contact.Name, n.Contact.Email)], subject,
        [
            .. lead,
            $"{Words.FirstName(n.Contact.Name)}, we at {OurCompany.Name} thought of you after {Nomination.Words(n.Source)}: would you tell companies considering us how it works for you at {n.AccountName}?",
            "You choose what you do and how often, and you can pause or leave at any time.",
            "Nothing happens unless you say yes on the page the button opens.",
        ],
        [new Fact("What it can mean", string.Join(" ", WaysToHelp()))],
        new ActionLink(ActionNames.NominationInvitation, Step, n.Contact.Email, [ActionNames.Accept, ActionNames.Decline], expires));

    private static string Cap(int? cap) => cap is { } n ? $"{n} {(n == 1 ? "call" : "calls")} a quarter" : "the program's usual number of calls a quarter";
}
