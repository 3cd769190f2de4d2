using ReferenceFlow.Api.Requests.Intake;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>
/// The intake form as posted: strings and nullables so that any input comes back to the page
/// unchanged with its error. Lists are typed as comma- or semicolon-separated text; the groups
/// that have no lists are the API's own DTOs.
/// </summary>
public sealed class IntakeForm
{
    public OpportunityDto Opportunity { get; set; } = new();
    public ProspectFields Prospect { get; set; } = new();
    public string? Purpose { get; set; }
    public string? Topics { get; set; }
    public string? Activity { get; set; } = "Call";
    public DateOnly? NeededBy { get; set; }
    public QualificationDto Qualification { get; set; } = new();
    public string? Commitment { get; set; }

    /// <summary>One per rendered form, sent back with it: a double click or a re-posted page submits one request.</summary>
    public string? SubmissionKey { get; set; }

    public sealed class ProspectFields
    {
        public string? Company { get; set; }
        public string? Industry { get; set; }
        public int? Employees { get; set; }
        public string? Country { get; set; }
        public string? Products { get; set; }
        public string? UseCase { get; set; }
        public string? Competitor { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactTitle { get; set; }
        public string? Seniority { get; set; }
        public string? Persona { get; set; }
        public string? TimeZone { get; set; }
        public string? Language { get; set; }
    }

    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
