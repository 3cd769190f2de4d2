using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// One email to both people with contact details, topics, the slot in each one's own time zone (the program's business
/// zone when theirs is unknown) and an invitation; the rep and the account's owner (told so when they approved) are copied.
/// </summary>
public static class IntroductionEmail
{
    public static OutboundEmail Build(RequestState s, ProposedSlot slot, string invitationUid, WorkflowPolicy policy)
    {
        var c = s.Current!;
        var i = s.Intake!;
        var p = i.Prospect;
        ArgumentNullException.ThrowIfNull(policy);
        var referenceZone = TimeWords.Zone(c.Contact.TimeZone, policy.BusinessTimeZone);
        var prospectZone = TimeWords.Zone(p.TimeZone, policy.BusinessTimeZone);
        var reference = Words.Reference(c);
        var prospect = Words.Prospect(i);
        var rep = Words.Staff(s.RequesterEmail);
        var paragraphs = new List<string>();
        if (s.MissedCalls > 0)
        {
            paragraphs.Add("The call did not take place at the time first proposed, so here is a new one; the invitation moves to it.");
        }
        paragraphs.AddRange(new[]
        {
            $"{Words.FirstName(p.ContactName)}, meet {c.Contact.Name}, {c.Contact.Title} at {c.Account.Name}. "
                + $"{Words.FirstName(c.Contact.Name)}, meet {p.ContactName}{(string.IsNullOrWhiteSpace(p.ContactTitle) ? "" : ", " + p.ContactTitle)} at {p.Company}. "
                + $"We at {OurCompany.Name} are glad to introduce you, and grateful to {Words.FirstName(c.Contact.Name)} for sharing their experience.",
            $"The topics to cover: {Words.List(i.Topics)}.",
            $"Proposed time: {TimeWords.Span(slot.Start, slot.End, referenceZone)} for {Words.FirstName(c.Contact.Name)}, "
                + $"which is {TimeWords.Span(slot.Start, slot.End, prospectZone)} for {Words.FirstName(p.ContactName)}. The invitation is attached.",
        });
        paragraphs.AddRange(SlotRemarks.Of(s, slot, policy).Select(r => r.Explanation));

        paragraphs.Add("If the time does not work, agree another between you and move the invitation.");
        var phone = string.IsNullOrWhiteSpace(c.Contact.Phone) ? "" : ", " + c.Contact.Phone;
        var invitation = new Invitation(invitationUid, slot.Start, slot.End, $"Reference call: {p.Company} and {c.Account.Name}",
            $"{p.ContactName} ({p.Company}) and {c.Contact.Name} ({c.Account.Name}). Topics: {Words.List(i.Topics)}.",
            rep, [reference, prospect], Sequence: s.MissedCalls);
        return new OutboundEmail(EmailKind.Introduction, s.RequestId, [reference, prospect],
            $"Introduction: {p.ContactName} ({p.Company}) and {c.Contact.Name} ({c.Account.Name})", paragraphs,
            [new Fact(c.Contact.Name, c.Contact.Email + phone), new Fact(p.ContactName, p.ContactEmail)],
            Invitation: invitation, Cc: [rep, Words.Owner(c)]);
    }
}
