using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Requests;

/// <summary>What a sales rep submits (api.md, POST /api/requests).</summary>
public sealed record RequestIntake(
    Opportunity Opportunity,
    ProspectProfile Prospect,
    Purpose Purpose,
    IReadOnlyList<string> Topics,
    Activity Activity,
    DateOnly NeededBy,
    Qualification Qualification,
    string? Commitment);

public enum Purpose { Exploring, Validate, Formality }

public sealed record Opportunity(string CrmId, string Name, string Stage, decimal AmountUsd, DateOnly CloseDate);

public sealed record ProspectProfile(
    string Company,
    string Industry,
    int Employees,
    string Country,
    IReadOnlyList<string> Products,
    string? UseCase,
    string? Competitor,
    string ContactName,
    string ContactEmail,
    string? ContactTitle,
    Seniority Seniority,
    Persona Persona,
    string TimeZone,
    string Language);

public sealed record Qualification(bool DecisionMakerBuyIn, bool TechnicalApproval, bool BudgetConfirmed, bool Finalist);
