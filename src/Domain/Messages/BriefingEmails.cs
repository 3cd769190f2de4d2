using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>Context for both sides before the call: who the other is and how the two companies differ. Not a script.</summary>
public static class BriefingEmails
{
    public static OutboundEmail ForReference(RequestState s)
    {
        var c = s.Current!;
        var i = s.Intake!;
        var p = i.Prospect;
        var paragraphs = new List<string>
        {
            $"Thank you for agreeing to speak with {p.Company}. {p.ContactName}{Title(p.ContactTitle)} will be on the call. {p.Company} is considering {Words.Offer(p.Products)}, and {Words.Why(i.Purpose)}.",
            $"They would like to hear about {Words.List(i.Topics)}.",
            Differences(s),
        };
        if (!string.IsNullOrWhiteSpace(p.Competitor))
        {
            paragraphs.Add($"They are also looking at {p.Competitor}.");
        }

        paragraphs.Add("Tell it as it was, including what was hard. They are not looking for a pitch.");
        return new OutboundEmail(EmailKind.ReferenceBriefing, s.RequestId, [Words.Reference(c)],
            $"Before your call with {p.Company}", paragraphs, Cc: [Words.Owner(c)], Preferences: c.Key);
    }

    public static OutboundEmail ForProspect(RequestState s)
    {
        var c = s.Current!;
        var p = s.Intake!.Prospect;
        var paragraphs = new List<string>
        {
            $"Here is who you will speak with: {c.Contact.Name}, {c.Contact.Title} at {c.Account.Name}, a {c.Account.Industry} company of about {Words.Number(c.Account.Employees)} people in {Words.Country(c.Account.Country)}, and a customer of {OurCompany.Name}.",
            $"They use {Words.Offer(c.Account.Products)}{(c.Account.UseCases.Count > 0 ? " for " + Words.List(c.Account.UseCases) : "")}"
                + (c.Account.MigratedFrom.Count > 0 ? $", having moved from {Words.List(c.Account.MigratedFrom)}." : "."),
            $"They can speak to {Words.List(c.Contact.Topics)}. {Words.FirstName(c.Contact.Name)} is {Words.Role(c.Contact.Seniority, c.Contact.Persona)}; "
                + (c.Contact.Seniority == p.Seniority && c.Contact.Persona == p.Persona ? "so are you." : $"you are {Words.Role(p.Seniority, p.Persona)}."),
            Differences(s),
            "Every company has its own shorthand: if a term or acronym is unclear, ask. The introduction with a proposed time follows.",
        };
        return new OutboundEmail(EmailKind.ProspectBriefing, s.RequestId, [Words.Prospect(s.Intake)],
            $"Before your call with {c.Contact.Name} ({c.Account.Name})", paragraphs, Cc: [Words.Staff(s.RequesterEmail)]);
    }

    private static string Title(string? title) => string.IsNullOrWhiteSpace(title) ? "" : $" ({title})";

    private static string Differences(RequestState s)
    {
        var a = s.Current!.Account;
        var p = s.Intake!.Prospect;
        var notes = new List<string>();
        if (!string.Equals(a.Industry, p.Industry, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"{p.Company} is in {p.Industry}, {a.Name} in {a.Industry}");
        }

        var ratio = Math.Max(a.Employees, p.Employees) / (double)Math.Max(1, Math.Min(a.Employees, p.Employees));
        notes.Add(ratio >= 3
            ? $"the sizes differ: about {Words.Number(p.Employees)} people at {p.Company}, {Words.Number(a.Employees)} at {a.Name}"
            : "the two companies are of similar size");
        if (!string.Equals(a.Country, p.Country, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"{p.Company} is in {Words.Country(p.Country)}, {a.Name} in {Words.Country(a.Country)}");
        }

        return "How the two compare: " + string.Join("; ", notes) + ".";
    }
}
