using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Seed;

/// <summary>The demo program's requests: waiting on an owner, on a reference, introduced, deferred, cancelled.</summary>
public static class DemoRequests
{
    public static IReadOnlyList<RequestIntake> Create(DateOnly today) =>
    [
        Intake("OPP-2001", "Acme Health analytics", "Acme Health", "Healthcare", 9000, "FR", "Europe/Paris", "fr", Purpose.Validate, today.AddDays(21), ["migration", "implementation"]),
        Intake("OPP-2002", "Globex retail forecasting", "Globex Retail", "Retail", 4200, "DE", "Europe/Berlin", "de", Purpose.Validate, today.AddDays(14), ["ROI", "integration"]),
        Intake("OPP-2003", "Initech risk reporting", "Initech Bank", "Financial Services", 15000, "GB", "Europe/London", "en", Purpose.Formality, today.AddDays(10), ["security", "vendor services and support"]),
        Intake("OPP-2004", "Umbrella supply chain", "Umbrella Industries", "Manufacturing", 30000, "US", "America/Chicago", "en", Purpose.Validate, today.AddDays(30), ["scalability"]),
        Intake("OPP-2005", "Hooli telecom churn", "Hooli Telecom", "Telecommunications", 2000, "JP", "Asia/Tokyo", "ja", Purpose.Exploring, today.AddDays(45), ["product selection"]),
        Intake("OPP-2006", "Stark energy grid", "Stark Energy", "Energy", 7000, "AU", "Australia/Sydney", "en", Purpose.Validate, today.AddDays(20), ["implementation"]),
    ];

    /// <summary>Decisions taken after submitting request <paramref name="index"/>: 0 waits on the owner, 1 on the reference, 2 goes to scheduling.</summary>
    public static int StepsFor(int index) => index switch { 1 => 1, 2 or 3 => 2, 5 => 1, _ => 0 };

    public static bool Cancelled(int index) => index == 5;

    private static RequestIntake Intake(
        string crmId, string name, string company, string industry, int employees, string country, string zone, string language,
        Purpose purpose, DateOnly neededBy, IReadOnlyList<string> topics) =>
        new(new Opportunity(crmId, name, purpose == Purpose.Exploring ? "Discovery" : "Negotiation", 120_000m + (employees * 10), neededBy.AddDays(30)),
            new ProspectProfile(company, industry, employees, country, ["Analytics Cloud"], null, "LegacyBI",
                "Alex Morgan", $"alex@{company.Split(' ')[0].ToLowerInvariant()}.example", "VP Analytics", Seniority.VP, Persona.Business, zone, language),
            purpose, topics, Activity.Call, neededBy,
            new Qualification(true, true, purpose != Purpose.Exploring, purpose != Purpose.Exploring),
            purpose == Purpose.Exploring ? null : "Once this call is done we move to redlines.");
}
