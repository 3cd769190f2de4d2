using System.Text.Json.Nodes;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Request bodies from api.md, as JSON the tests can bend.</summary>
public static class Samples
{
    public static JsonObject Reference(string owner = "jane.csm@demo.local", string industry = "Healthcare", string country = "FR",
        params (string Id, string Email)[] contacts)
    {
        if (contacts.Length == 0) contacts = [("marie", "marie@contoso.example")];
        var list = new JsonArray();
        foreach (var (id, email) in contacts)
        {
            list.Add(new JsonObject
            {
                ["contactId"] = id, ["name"] = $"Contact {id}", ["email"] = email, ["title"] = "VP Data",
                ["seniority"] = "VP", ["persona"] = "Business", ["timeZone"] = "Europe/Paris", ["languages"] = new JsonArray("fr", "en"),
                ["activities"] = new JsonArray("Call", "SiteVisit", "Quote"), ["topics"] = new JsonArray("migration", "implementation"),
                ["maxCallsPerQuarter"] = 3, ["pausedUntil"] = null, ["consentExpires"] = "2030-06-30", ["phone"] = "+33 1 23 45 67 89",
            });
        }
        return new JsonObject
        {
            ["account"] = "Contoso Health", ["industry"] = industry, ["employees"] = 12000, ["annualRevenueUsd"] = 2500000000,
            ["country"] = country, ["products"] = new JsonArray("Analytics Cloud"), ["useCases"] = new JsonArray("claims analytics"),
            ["migratedFrom"] = new JsonArray("LegacyBI"), ["ownerEmail"] = owner, ["status"] = "Active", ["contacts"] = list,
        };
    }

    public static JsonObject Intake(string crmId = "OPP-1001", int neededInDays = 30) => new()
    {
        ["opportunity"] = new JsonObject
        {
            ["crmId"] = crmId, ["name"] = "Acme Health analytics", ["stage"] = "Negotiation", ["amountUsd"] = 250000,
            ["closeDate"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
        },
        ["prospect"] = new JsonObject
        {
            ["company"] = "Acme Health", ["industry"] = "Healthcare", ["employees"] = 9000, ["country"] = "FR",
            ["products"] = new JsonArray("Analytics Cloud"), ["useCase"] = "claims analytics", ["competitor"] = "LegacyBI",
            ["contactName"] = "Paul Martin", ["contactEmail"] = "paul@acme.example", ["contactTitle"] = "VP Analytics",
            ["seniority"] = "VP", ["persona"] = "Business", ["timeZone"] = "Europe/Paris", ["language"] = "fr",
        },
        ["purpose"] = "Validate",
        ["topics"] = new JsonArray("migration", "implementation"),
        ["activity"] = "Call",
        ["neededBy"] = DateTime.UtcNow.AddDays(neededInDays).ToString("yyyy-MM-dd"),
        ["qualification"] = new JsonObject
        {
            ["decisionMakerBuyIn"] = true, ["technicalApproval"] = true, ["budgetConfirmed"] = true, ["finalist"] = true,
        },
        ["commitment"] = "If the migration story holds, we move to redlines.",
    };
}
