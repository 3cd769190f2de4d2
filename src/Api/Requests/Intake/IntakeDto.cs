namespace ReferenceFlow.Api.Requests.Intake;

/// <summary>POST /api/requests body (api.md) and the intake form's model. Enumerations arrive as text.</summary>
public sealed record IntakeDto
{
    public OpportunityDto? Opportunity { get; set; }
    public ProspectDto? Prospect { get; set; }
    public string? Purpose { get; set; }
    public List<string?>? Topics { get; set; }
    public string? Activity { get; set; }
    public DateOnly? NeededBy { get; set; }
    public QualificationDto? Qualification { get; set; }
    public string? Commitment { get; set; }
}

public sealed record OpportunityDto
{
    public string? CrmId { get; set; }
    public string? Name { get; set; }
    public string? Stage { get; set; }
    public decimal? AmountUsd { get; set; }
    public DateOnly? CloseDate { get; set; }
}

public sealed record ProspectDto
{
    public string? Company { get; set; }
    public string? Industry { get; set; }
    public int? Employees { get; set; }
    public string? Country { get; set; }
    public List<string?>? Products { get; set; }
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

public sealed record QualificationDto
{
    public bool DecisionMakerBuyIn { get; set; }
    public bool TechnicalApproval { get; set; }
    public bool BudgetConfirmed { get; set; }
    public bool Finalist { get; set; }
}
