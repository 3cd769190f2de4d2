using ReferenceFlow.Domain.Places;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The intake form's lists: suggestions where free text is allowed, and the pick lists of countries and languages.</summary>
public static class IntakeChoices
{
    public static IReadOnlyList<string> Stages { get; } = ["Discovery", "Qualification", "Solution", "Proposal", "Negotiation", "Closing"];

    public static IReadOnlyList<string> Industries { get; } =
        ["Healthcare", "Financial Services", "Insurance", "Retail", "Manufacturing", "Public Sector", "Education", "Telecommunications", "Energy", "Logistics", "Software", "Media"];

    public static IReadOnlyList<string> Topics { get; } =
        ["implementation", "integration", "administration", "ROI", "migration", "vendor services and support", "product selection", "security", "scalability", "adoption"];

    public static IReadOnlyList<string> TimeZones { get; } =
        ["Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Amsterdam", "America/New_York", "America/Chicago", "America/Denver",
         "America/Los_Angeles", "America/Toronto", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Singapore", "Asia/Kolkata", "Australia/Sydney", "UTC"];

    /// <summary>Every ISO country, by name: the Domain's one list.</summary>
    public static IReadOnlyList<Place> Countries { get; } = [.. Domain.Places.Countries.All.OrderBy(p => p.Name, StringComparer.InvariantCulture)];

    /// <summary>Every ISO language, by name: the Domain's one list.</summary>
    public static IReadOnlyList<Place> Languages { get; } = [.. Domain.Places.Languages.All.OrderBy(p => p.Name, StringComparer.InvariantCulture)];
}
