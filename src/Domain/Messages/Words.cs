using System.Globalization;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Places;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>Small pieces of wording shared by the email builders.</summary>
public static class Words
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One of our staff, named by the people directory when the email is rendered (<see cref="StaffNames"/>).</summary>
    public static Recipient Staff(string email) => new(StaffNames.Of(email), email);

    public static Recipient Reference(Candidate c) => new(c.Contact.Name, c.Contact.Email);

    public static Recipient Owner(Candidate c) => Staff(c.Account.OwnerEmail);

    public static Recipient Prospect(RequestIntake i) => new(i.Prospect.ContactName, i.Prospect.ContactEmail);

    public static string FirstName(string name) => name.Trim().Split(' ')[0];

    public static string List(IEnumerable<string> items, string none = "nothing named")
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return list.Count switch
        {
            0 => none,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    public static string Number(decimal value) => value.ToString("N0", Inv);

    /// <summary>What taking part means, in a few words.</summary>
    public static string Ask(Activity activity) => activity switch
    {
        Activity.Call => "a call of about half an hour, at a time your calendar shows as free",
        Activity.SiteVisit => "a visit to see your setup, at a time that suits you",
        Activity.Quote => "a short quote they may read",
        Activity.Logo => "showing your logo among our customers",
        Activity.CaseStudy => "a case study written with you",
        Activity.AnalystCall => "a call with an industry analyst",
        Activity.Press => "a word for the press",
        Activity.Speaking => "a short talk at one of our events",
        _ => "a webinar appearance",
    };

    /// <summary>A country by its name ("France"), not its code.</summary>
    public static string Country(string code) => Countries.Name(code);

    /// <summary>Seniority and persona as a role in a sentence: "a VP on the business side".</summary>
    public static string Role(Seniority seniority, Persona persona) => (seniority switch
    {
        Seniority.IC => "an individual contributor",
        Seniority.Manager => "a manager",
        Seniority.Director => "a director",
        Seniority.VP => "a VP",
        Seniority.CLevel => "a C-level executive",
        _ => "someone",
    }) + (persona switch
    {
        Persona.Business => " on the business side",
        Persona.Technical => " on the technical side",
        _ => " in an executive role",
    });

    /// <summary>What our company is to the prospect: "Analytics Cloud from {our company}", or our company alone.</summary>
    public static string Offer(IReadOnlyList<string> products) =>
        products.Count == 0 ? OurCompany.Name : $"{List(products)} from {OurCompany.Name}";

    public static string Why(Purpose purpose) => purpose switch
    {
        Purpose.Validate => "they want to validate specific points with a peer before deciding",
        Purpose.Formality => "their procurement requires a reference before signing",
        _ => "they are still exploring",
    };

    /// <summary>The request at a glance, for the people deciding on it.</summary>
    public static IReadOnlyList<Fact> Deal(RequestIntake i) =>
    [
        new("Prospect", $"{i.Prospect.Company} ({i.Prospect.Industry}, about {Number(i.Prospect.Employees)} employees, {Country(i.Prospect.Country)})"),
        new("Their contact", $"{i.Prospect.ContactName}{(string.IsNullOrWhiteSpace(i.Prospect.ContactTitle) ? "" : ", " + i.Prospect.ContactTitle)}"),
        new("Opportunity", $"{i.Opportunity.Name}, {i.Opportunity.Stage}, {Number(i.Opportunity.AmountUsd)} USD"),
        new("Topics", List(i.Topics)),
        new("Activity", i.Activity.Words()),
        new("Needed by", TimeWords.Date(i.NeededBy)),
    ];
}
