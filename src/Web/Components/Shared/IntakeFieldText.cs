namespace ReferenceFlow.Web.Components.Shared;

/// <summary>Labels for the validator's field keys ("prospect.country"), and the id of each key's input.</summary>
public static class IntakeFieldText
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["opportunity"] = "Opportunity",
        ["opportunity.crmId"] = "CRM opportunity id",
        ["opportunity.name"] = "Opportunity name",
        ["opportunity.stage"] = "Stage",
        ["opportunity.amountUsd"] = "Amount (USD)",
        ["opportunity.closeDate"] = "Expected close date",
        ["prospect"] = "Prospect",
        ["prospect.company"] = "Company",
        ["prospect.industry"] = "Industry",
        ["prospect.employees"] = "Employees",
        ["prospect.country"] = "Country",
        ["prospect.products"] = "Products of interest",
        ["prospect.useCase"] = "Use case",
        ["prospect.competitor"] = "Competitor or current tool",
        ["prospect.contactName"] = "Name",
        ["prospect.contactEmail"] = "Email",
        ["prospect.contactTitle"] = "Title",
        ["prospect.seniority"] = "Seniority",
        ["prospect.persona"] = "Persona",
        ["prospect.timeZone"] = "Time zone",
        ["prospect.language"] = "Language",
        ["purpose"] = "Why",
        ["topics"] = "Topics",
        ["activity"] = "Activity",
        ["neededBy"] = "Needed by",
        ["qualification"] = "Qualification",
        ["commitment"] = "Counter-commitment",
    };

    public static string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    public static string InputId(string key) => key.Replace('.', '-');
}
