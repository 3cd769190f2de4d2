namespace ReferenceFlow.Web.Components.Requests;

/// <summary>Suggestions offered by the intake form's lists; free text stays allowed where the API allows it.</summary>
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

    public static IReadOnlyList<(string Code, string Name)> Countries { get; } =
        [("AU", "Australia"), ("BR", "Brazil"), ("CA", "Canada"), ("DE", "Germany"), ("ES", "Spain"), ("FR", "France"), ("GB", "United Kingdom"),
         ("IN", "India"), ("IT", "Italy"), ("JP", "Japan"), ("NL", "Netherlands"), ("SE", "Sweden"), ("SG", "Singapore"), ("US", "United States")];

    public static IReadOnlyList<(string Code, string Name)> Languages { get; } =
        [("en", "English"), ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("pt", "Portuguese"), ("it", "Italian"), ("nl", "Dutch"), ("ja", "Japanese"), ("hi", "Hindi")];
}
