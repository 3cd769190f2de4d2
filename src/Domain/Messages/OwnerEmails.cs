using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>The approval ask to an account owner, its reminder, and the note when the ask is off.</summary>
public static class OwnerEmails
{
    public static OutboundEmail Approval(RequestState s, string step, DateTimeOffset expires) => Build(s, step, expires, EmailKind.OwnerApproval,
        $"May {s.Current!.Contact.Name} take a reference call for {s.Intake!.Prospect.Company}?",
        []);

    /// <summary>The reminder names the deadline in the owner's own zone, or the program's <paramref name="businessTimeZone"/> when theirs is unknown.</summary>
    public static OutboundEmail Reminder(RequestState s, string step, DateTimeOffset expires, string? businessTimeZone) => Build(s, step, expires, EmailKind.OwnerReminder,
        $"Still open: {s.Current!.Contact.Name} for {s.Intake!.Prospect.Company}",
        [$"This is still waiting on you. Without an answer by {StaffTimes.At(expires, businessTimeZone)} the request moves on to another reference."]);

    /// <summary>
    /// The owner's standing approval let an ask go straight to their contact: what was asked, on what terms the rule
    /// stands, and where to stop it (the account's page; stopping applies from the next ask).
    /// </summary>
    public static OutboundEmail StandingApprovalUsed(RequestState s, StandingApproval rule)
    {
        var c = s.Current!;
        var i = s.Intake!;
        var first = Words.FirstName(c.Contact.Name);
        var until = rule.Until is { } date ? $" until {TimeWords.Date(date)}" : " until you stop it";
        // A rule kept to some contacts (as "from now on" makes them) is named by whom it covers, not by the whole account.
        var covering = rule.ContactIds is null ? $"for {c.Account.Name}" : $"for asks to {first} at {c.Account.Name}";
        return new OutboundEmail(EmailKind.StandingApprovalUsed, s.RequestId, [Words.Owner(c)],
            $"Asked under your standing approval: {c.Contact.Name} for {i.Prospect.Company}",
            [
                $"{StaffNames.Of(s.RequesterEmail)} is working {i.Prospect.Company} and would like {c.Contact.Name} ({c.Contact.Title}, {c.Account.Name}) "
                    + $"to speak with {i.Prospect.ContactName} about {Words.List(i.Topics)}. Your standing approval {covering} covers this ask, "
                    + $"so we have asked {first} directly instead of waiting for you. You are copied on that email.",
                $"The standing approval holds{until}, within each contact's limit of calls. If this is not a good moment for {c.Account.Name}, "
                    + $"stop it on the account's page: from then on every ask waits for your yes again. {first} can still decline this one.",
            ],
            [.. Words.Deal(i), new Fact("Why this match", string.Join("; ", c.Reasons.Take(4)))],
            Links: [new PageLink("Stop or change the standing approval", $"/references/{Uri.EscapeDataString(c.ReferenceId)}#standing-approval"),
                new PageLink("Open the request", $"/requests/{Uri.EscapeDataString(s.RequestId!)}")]);
    }

    /// <summary>The deal closed before the owner answered: nothing left to approve.</summary>
    public static OutboundEmail Withdrawn(RequestState s) => NothingToApprove(s,
        $"{s.Intake!.Prospect.Company} has made their decision, so {StaffNames.Of(s.RequesterEmail)} no longer needs {s.Current!.Contact.Name} to speak with them.",
        $"There is nothing left to approve, and {Words.FirstName(s.Current.Contact.Name)} was not contacted.");

    /// <summary>The contact left the program or paused themselves while their owner was asked.</summary>
    public static OutboundEmail Unavailable(RequestState s) => NothingToApprove(s,
        $"{s.Current!.Contact.Name} has just told us they are not available for reference calls for now, so we will not ask them to speak with {s.Intake!.Prospect.Company}.",
        "There is nothing left to approve; the request moves on to another reference.");

    /// <summary>The rep cancelled before the owner answered; the reason is the rep's, for the owner only.</summary>
    public static OutboundEmail Cancelled(RequestState s, string? reason)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $" Their reason: \"{reason.Trim()}\"";
        return NothingToApprove(s,
            $"{StaffNames.Of(s.RequesterEmail)} cancelled the request for {s.Current!.Contact.Name} to speak with {s.Intake!.Prospect.Company}.{why}",
            $"There is nothing left to approve, and {Words.FirstName(s.Current.Contact.Name)} was not contacted.");
    }

    /// <summary>The program manager asked the next candidate instead of waiting; the reason is theirs, for the owner only.</summary>
    public static OutboundEmail Skipped(RequestState s, string? reason)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $" Their note: \"{reason.Trim()}\"";
        return NothingToApprove(s,
            $"The request for {s.Current!.Contact.Name} to speak with {s.Intake!.Prospect.Company} could not wait longer, so the program manager asked another reference.{why}",
            $"There is nothing left to approve, and {Words.FirstName(s.Current.Contact.Name)} was not contacted.");
    }

    /// <summary>An ask made beside another is off: another customer agreed first, or the request ended.</summary>
    public static OutboundEmail Released(RequestState s, AskRelease why) => NothingToApprove(s,
        why == AskRelease.AnotherAgreed
            ? $"Another customer agreed first to speak with {s.Intake!.Prospect.Company}, so {StaffNames.Of(s.RequesterEmail)} no longer needs {s.Current!.Contact.Name}."
            : $"The request for {s.Current!.Contact.Name} to speak with {s.Intake!.Prospect.Company} has ended.",
        $"There is nothing left to approve, and {Words.FirstName(s.Current.Contact.Name)} was not contacted.");

    /// <summary>The ask to the owner is off: why, and what follows.</summary>
    private static OutboundEmail NothingToApprove(RequestState s, string why, string next) =>
        new(EmailKind.Withdrawn, s.RequestId, [Words.Owner(s.Current!)], $"No longer needed: {s.Current!.Contact.Name} for {s.Intake!.Prospect.Company}",
            [why, $"{next} Thank you for looking at it."]);

    private static OutboundEmail Build(RequestState s, string step, DateTimeOffset expires, EmailKind kind, string subject, IReadOnlyList<string> lead)
    {
        var c = s.Current!;
        var i = s.Intake!;
        var paragraphs = new List<string>(lead)
        {
            $"{StaffNames.Of(s.RequesterEmail)} is working {i.Prospect.Company} and would like {c.Contact.Name} ({c.Contact.Title}, {c.Account.Name}) "
                + $"to speak with {i.Prospect.ContactName} about {Words.List(i.Topics)}. They asked because {Words.Why(i.Purpose)}.",
        };
        if (!string.IsNullOrWhiteSpace(i.Commitment))
        {
            paragraphs.Add($"What the prospect committed to once the call is done: \"{i.Commitment.Trim()}\"");
        }

        if (c.Caution)
        {
            paragraphs.Add($"This account is marked Caution: {c.Account.CautionNote}. Approve only if now is a good moment for them.");
        }

        if (s.Rushed)
        {
            paragraphs.Add($"The request is rushed ({s.Reason}); the program manager knows.");
        }

        if (s.ParallelAsks.Count > 0)
        {
            paragraphs.Add("As the call is soon, we are asking another customer's team at the same time; whoever is free first takes it, and we will let you know if it is not needed.");
        }

        paragraphs.Add($"Nobody contacts {Words.FirstName(c.Contact.Name)} unless you approve. If you decline, a short reason helps the next match.");
        return new OutboundEmail(kind, s.RequestId, [Words.Owner(c)], subject, paragraphs,
            [.. Words.Deal(i), new Fact("Why this match", string.Join("; ", c.Reasons.Take(4)))],
            new ActionLink(ActionNames.OwnerApproval, step, c.Account.OwnerEmail, [ActionNames.Approve, ActionNames.Decline], expires));
    }
}
