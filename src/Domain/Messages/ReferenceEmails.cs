using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>What the reference contact receives, only ever after their owner approved.</summary>
public static class ReferenceEmails
{
    public static OutboundEmail Consent(RequestState s, string step, DateTimeOffset expires)
    {
        var c = s.Current!;
        var p = s.Intake!.Prospect;
        return new OutboundEmail(EmailKind.ReferenceConsent, s.RequestId, [Words.Reference(c)],
            $"Would you speak with {p.Company} about {Words.List(s.Intake.Topics)}?",
            [
                $"{p.Company}, a {p.Industry} company of about {Words.Number(p.Employees)} people in {Words.Country(p.Country)}, is close to choosing {Words.Offer(p.Products)}. "
                    + $"{p.ContactName}{(string.IsNullOrWhiteSpace(p.ContactTitle) ? "" : ", their " + p.ContactTitle + ",")} would like to hear from a customer how {Words.List(s.Intake.Topics)} went for you.",
                $"It would be {Words.Ask(s.Intake.Activity)}. {StaffNames.Of(c.Account.OwnerEmail)}, who looks after your account at {OurCompany.Name}, agreed to ask you.",
                .. s.ParallelAsks.Count > 0
                    ? ["As the call is soon, we are asking one other customer too; whoever is free first takes it, and we will tell you either way."]
                    : Array.Empty<string>(),
                "If now is not a good time, decline: nobody minds, and you will not be asked again for this deal.",
            ],
            Action: new ActionLink(ActionNames.ReferenceConsent, step, c.Contact.Email, [ActionNames.Accept, ActionNames.Decline], expires),
            Cc: [Words.Owner(c)], Preferences: c.Key);
    }

    public static OutboundEmail ThankYou(RequestState s, Gift? gift = null)
    {
        var c = s.Current!;
        return new OutboundEmail(EmailKind.ThankYou, s.RequestId, [Words.Reference(c)],
            $"Your call with {s.Intake!.Prospect.Company}",
            [
                $"We hear your call with {s.Intake.Prospect.ContactName} of {s.Intake.Prospect.Company} took place. Thank you, from all of us at {OurCompany.Name}, for giving them your time.",
                .. gift is null ? Array.Empty<string>() : [$"As a small thank-you, we would like to offer you {gift.Describe()}. Your account team will be in touch about it."],
                "We will let you know how their decision goes. If you would like a break from requests, pause them with the link below.",
            ],
            Cc: [Words.Owner(c)], Preferences: c.Key);
    }

    /// <summary>The deal closed before the call: the reference asked (<paramref name="from"/> consent) or booked hears it is off.</summary>
    public static OutboundEmail Withdrawn(RequestState s, RequestStatus from)
    {
        var p = s.Intake!.Prospect;
        var lead = from switch
        {
            RequestStatus.AwaitingReferenceConsent =>
                $"We asked whether you would speak with {p.ContactName} of {p.Company}. They have since made their decision, so there is no call to take.",
            RequestStatus.Scheduling =>
                $"Thank you for agreeing to speak with {p.ContactName} of {p.Company}. They have since made their decision, so we will not be finding a time after all.",
            _ =>
                $"Thank you for agreeing to speak with {p.ContactName} of {p.Company}. They have since made their decision, so the call is no longer needed; please disregard the invitation.",
        };
        return NoCallNeeded(s, lead);
    }

    /// <summary>An ask made beside another is off before the call was arranged: another customer agreed first, or the request ended.</summary>
    public static OutboundEmail Released(RequestState s, AskRelease why)
    {
        var p = s.Intake!.Prospect;
        var lead = why == AskRelease.AnotherAgreed
            ? $"We asked whether you would speak with {p.ContactName} of {p.Company}. Another customer was able to help first, so there is no call to take."
            : $"We asked whether you would speak with {p.ContactName} of {p.Company}. That request has ended, so there is no call to take.";
        return NoCallNeeded(s, lead);
    }

    /// <summary>The rep cancelled after the reference was asked. The rep's reason stays internal: it may not be for a customer's eyes.</summary>
    public static OutboundEmail Cancelled(RequestState s, RequestStatus from)
    {
        var p = s.Intake!.Prospect;
        var lead = from == RequestStatus.AwaitingReferenceConsent
            ? $"We asked whether you would speak with {p.ContactName} of {p.Company}. That request has been withdrawn, so there is no call to take."
            : $"Thank you for agreeing to speak with {p.ContactName} of {p.Company}. That request has been withdrawn, so the call is no longer needed"
                + (from == RequestStatus.Scheduling ? "." : "; please disregard the invitation.");
        return NoCallNeeded(s, lead);
    }

    /// <summary>The note that a call is off, whatever the reason (<paramref name="lead"/>), with thanks; the owner is copied.</summary>
    private static OutboundEmail NoCallNeeded(RequestState s, string lead)
    {
        var c = s.Current!;
        return new OutboundEmail(EmailKind.Withdrawn, s.RequestId, [Words.Reference(c)], $"No call needed with {s.Intake!.Prospect.Company}",
            [lead, "Thank you for being willing to help. We keep track of how often we ask you, so you are not asked too often."],
            Cc: [Words.Owner(c)], Preferences: c.Key);
    }

    public static OutboundEmail LoopClosed(RequestState s, DealOutcome outcome)
    {
        var c = s.Current!;
        var p = s.Intake!.Prospect;
        var news = outcome == DealOutcome.Won
            ? $"{p.Company} chose {Words.Offer(p.Products)}. Your call with {p.ContactName} was part of what convinced them."
            : $"{p.Company} decided not to go ahead with {OurCompany.Name} this time. What you told {p.ContactName} still helped them decide with open eyes.";
        return new OutboundEmail(EmailKind.LoopClosed, s.RequestId, [Words.Reference(c)], $"How it turned out with {p.Company}",
            [news, "Thank you again. We keep track of how often we ask you, so you are not asked too often."],
            Cc: [Words.Owner(c)], Preferences: c.Key);
    }
}
