using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Tests.Support;

/// <summary>Builders for prospects, intakes and directory entries; tests change only what they assert on.</summary>
public static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero); // a Wednesday

    public static ProspectProfile Prospect(
        string industry = "Healthcare", int employees = 9000, string country = "FR",
        Seniority seniority = Seniority.VP, Persona persona = Persona.Business, string? competitor = "LegacyBI") =>
        new("Acme Health", industry, employees, country, ["Analytics Cloud"], "claims analytics", competitor,
            "Paul Martin", "paul@acme.example", "VP Analytics", seniority, persona, "Europe/Paris", "fr");

    public static RequestIntake Intake(
        ProspectProfile? prospect = null, Purpose purpose = Purpose.Validate, string stage = "Negotiation",
        DateOnly? neededBy = null, Qualification? qualification = null, string? commitment = "If the migration story holds, we move to redlines.",
        DateOnly? closeDate = null, Activity activity = Activity.Call) =>
        new(new Opportunity("OPP-1001", "Acme Health analytics", stage, 250_000m, closeDate ?? new DateOnly(2027, 1, 15)),
            prospect ?? Prospect(), purpose, ["migration", "implementation"], activity,
            neededBy ?? new DateOnly(2026, 12, 20), qualification ?? new Qualification(true, true, true, true), commitment);

    public static ReferenceContact Contact(
        string id = "marie", Seniority seniority = Seniority.VP, Persona persona = Persona.Business,
        int? cap = null, DateOnly? pausedUntil = null, DateOnly? consentExpires = null,
        IReadOnlyList<Activity>? activities = null, IReadOnlyList<string>? topics = null, IReadOnlyList<string>? languages = null) =>
        new(id, $"Contact {id}", $"{id}@customer.example", "VP Data", seniority, persona, "Europe/Paris",
            languages ?? ["fr", "en"], activities ?? [Activity.Call, Activity.SiteVisit, Activity.Quote],
            topics ?? ["migration", "implementation"], cap, pausedUntil, consentExpires ?? new DateOnly(2027, 6, 30), "+33 1 23 45 67 89");

    public static ReferenceAccount Account(
        string id, string industry = "Healthcare", int employees = 12000, string country = "FR",
        AccountStatus status = AccountStatus.Active, string? healthNotes = null, params ReferenceContact[] contacts) =>
        new(id, $"Account {id}", industry, employees, 2_500_000_000, country, ["Analytics Cloud"], ["claims analytics"], ["LegacyBI"],
            $"owner-{id}@vendor.example", status, contacts.Length > 0 ? contacts : [Contact()], healthNotes);
}
