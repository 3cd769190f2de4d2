using ReferenceFlow.Api.Requests.Intake;

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
}
