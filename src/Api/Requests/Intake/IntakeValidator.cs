using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.Requests.Intake;

/// <summary>
/// Turns the intake (API body or form) into a <see cref="RequestIntake"/>, or errors keyed by field
/// ("prospect.country", "neededBy"). Shared by POST /api/requests and the intake page.
/// </summary>
public sealed class IntakeValidator(TimeProvider clock)
{
    /// <summary>The longest CRM opportunity id taken; the outcome webhook knows no longer one.</summary>
    public const int CrmIdMaxLength = 64;

    public RequestIntake? Validate(IntakeDto dto, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(errors);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var opportunity = Opportunity(dto.Opportunity, errors, today);
        var prospect = Prospect(dto.Prospect, errors);
        var purpose = errors.Enum<Purpose>("purpose", dto.Purpose);
        var topics = errors.List("topics", dto.Topics, max: 20);
        var activity = errors.Enum<Activity>("activity", dto.Activity);
        if (dto.NeededBy is not { } neededBy) errors.Add("neededBy", $"Required: the date the reference is needed by, such as {Example(today)}.");
        else if (neededBy < today) errors.Add("neededBy", "The date is in the past.");
        else if (neededBy > today.AddYears(2)) errors.Add("neededBy", "The date is more than two years away.");
        var commitment = errors.Optional("commitment", dto.Commitment, 2000);
        var q = dto.Qualification ?? new QualificationDto();
        if (errors.Any) return null;
        return new RequestIntake(opportunity!, prospect!, purpose, topics, activity, dto.NeededBy!.Value,
            new Qualification(q.DecisionMakerBuyIn, q.TechnicalApproval, q.BudgetConfirmed, q.Finalist), commitment);
    }

    private static Opportunity? Opportunity(OpportunityDto? dto, FieldErrors errors, DateOnly today)
    {
        if (dto is null) { errors.Add("opportunity", "Required."); return null; }
        var crmId = errors.Required("opportunity.crmId", dto.CrmId, CrmIdMaxLength);
        var name = errors.Required("opportunity.name", dto.Name);
        var stage = errors.Required("opportunity.stage", dto.Stage, 64);
        if (dto.AmountUsd is null) errors.Add("opportunity.amountUsd", "Required.");
        else if (dto.AmountUsd < 0 || dto.AmountUsd > 100_000_000_000m) errors.Add("opportunity.amountUsd", "Must be between 0 and 100,000,000,000.");
        if (dto.CloseDate is null) errors.Add("opportunity.closeDate", $"Required: the expected close date, such as {Example(today)}.");
        else if (dto.CloseDate < today.AddYears(-1)) errors.Add("opportunity.closeDate", "The close date is more than a year ago.");
        return crmId is null || name is null || stage is null || dto.AmountUsd is null || dto.CloseDate is null
            ? null
            : new Opportunity(crmId, name, stage, dto.AmountUsd.Value, dto.CloseDate.Value);
    }

    /// <summary>A date written as the API and the date pickers take it, a fortnight ahead so it reads as a plausible answer.</summary>
    private static string Example(DateOnly today) => today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static ProspectProfile? Prospect(ProspectDto? dto, FieldErrors errors)
    {
        if (dto is null) { errors.Add("prospect", "Required."); return null; }
        var company = errors.Required("prospect.company", dto.Company);
        var industry = errors.Required("prospect.industry", dto.Industry, 100);
        errors.Range("prospect.employees", dto.Employees, 1, 10_000_000);
        var country = errors.Country("prospect.country", dto.Country);
        var products = errors.List("prospect.products", dto.Products);
        var useCase = errors.Optional("prospect.useCase", dto.UseCase, 500);
        var competitor = errors.Optional("prospect.competitor", dto.Competitor, 200);
        var contactName = errors.Required("prospect.contactName", dto.ContactName);
        var contactEmail = errors.Email("prospect.contactEmail", dto.ContactEmail);
        var contactTitle = errors.Optional("prospect.contactTitle", dto.ContactTitle, 200);
        var seniority = errors.Enum<Seniority>("prospect.seniority", dto.Seniority);
        var persona = errors.Enum<Persona>("prospect.persona", dto.Persona);
        var zone = errors.TimeZone("prospect.timeZone", dto.TimeZone);
        var language = errors.Language("prospect.language", dto.Language);
        return company is null || industry is null || dto.Employees is null || country is null || contactName is null ||
               contactEmail is null || zone is null || language is null
            ? null
            : new ProspectProfile(company, industry, dto.Employees.Value, country, products, useCase, competitor,
                contactName, contactEmail, contactTitle, seniority, persona, zone, language);
    }
}
