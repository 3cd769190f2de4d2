using ReferenceFlow.Api.Requests.Intake;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

public static class IntakeFormMapper
{
    /// <summary>The form as the API's intake body, so the page and POST /api/requests share one validator.</summary>
    public static IntakeDto ToDto(IntakeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var p = form.Prospect;
        return new IntakeDto
        {
            Opportunity = form.Opportunity with { },
            Prospect = new ProspectDto
            {
                Company = p.Company, Industry = p.Industry, Employees = p.Employees, Country = p.Country,
                Products = [.. IntakeForm.SplitList(p.Products)], UseCase = p.UseCase, Competitor = p.Competitor,
                ContactName = p.ContactName, ContactEmail = p.ContactEmail, ContactTitle = p.ContactTitle,
                Seniority = p.Seniority, Persona = p.Persona, TimeZone = p.TimeZone, Language = p.Language,
            },
            Purpose = form.Purpose,
            Topics = [.. IntakeForm.SplitList(form.Topics)],
            Activity = form.Activity,
            NeededBy = form.NeededBy,
            Qualification = form.Qualification with { },
            Commitment = form.Commitment,
        };
    }

    /// <summary>
    /// The form filled from an earlier request's intake, for asking again once a deferred deal is ready (decision 035): the
    /// rep changes what moved (stage, checklist, commitment, date) and submits a new request. The need-by date is kept
    /// only while it is still ahead.
    /// </summary>
    public static IntakeForm FromIntake(RequestIntake intake, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var o = intake.Opportunity;
        var p = intake.Prospect;
        var q = intake.Qualification;
        return new IntakeForm
        {
            Opportunity = new OpportunityDto { CrmId = o.CrmId, Name = o.Name, Stage = o.Stage, AmountUsd = o.AmountUsd, CloseDate = o.CloseDate },
            Prospect = new IntakeForm.ProspectFields
            {
                Company = p.Company, Industry = p.Industry, Employees = p.Employees, Country = p.Country, Products = string.Join(", ", p.Products),
                UseCase = p.UseCase, Competitor = p.Competitor, ContactName = p.ContactName, ContactEmail = p.ContactEmail,
                ContactTitle = p.ContactTitle, Seniority = p.Seniority.ToString(), Persona = p.Persona.ToString(), TimeZone = p.TimeZone,
                Language = p.Language,
            },
            Purpose = intake.Purpose.ToString(),
            Topics = string.Join(", ", intake.Topics),
            Activity = intake.Activity.ToString(),
            NeededBy = intake.NeededBy >= today ? intake.NeededBy : null,
            Qualification = new QualificationDto
            {
                DecisionMakerBuyIn = q.DecisionMakerBuyIn, TechnicalApproval = q.TechnicalApproval, BudgetConfirmed = q.BudgetConfirmed, Finalist = q.Finalist,
            },
            Commitment = intake.Commitment,
        };
    }
}
