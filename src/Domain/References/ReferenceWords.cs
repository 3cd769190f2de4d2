namespace ReferenceFlow.Domain.References;

/// <summary>
/// The directory's enumerations as people say them, once: pages, filters, emails, link pages and validation messages use
/// these labels, so nobody reads "CLevel" or "SiteVisit". The names stay what the API and the stored rows carry.
/// </summary>
public static class ReferenceWords
{
    public static string Words(this Seniority seniority) => seniority switch
    {
        Seniority.IC => "Individual contributor",
        Seniority.Manager => "Manager",
        Seniority.Director => "Director",
        Seniority.VP => "VP",
        Seniority.CLevel => "C-level",
        _ => "Unknown seniority",
    };

    public static string Words(this Persona persona) => persona switch
    {
        Persona.Business => "Business",
        Persona.Technical => "Technical",
        Persona.Executive => "Executive",
        _ => "Unknown persona",
    };

    /// <summary>The activity as a label ("Site visit"); <see cref="Messages.Words.Ask"/> says what it asks of a customer.</summary>
    public static string Words(this Activity activity) => activity switch
    {
        Activity.Call => "Reference call",
        Activity.SiteVisit => "Site visit",
        Activity.Quote => "Quote",
        Activity.Logo => "Logo",
        Activity.CaseStudy => "Case study",
        Activity.AnalystCall => "Analyst call",
        Activity.Press => "Press",
        Activity.Speaking => "Speaking at an event",
        Activity.Webinar => "Webinar",
        _ => "Unknown activity",
    };

    /// <summary>What a reference agrees to, as the pages and emails a reference reads put it ("Site visits").</summary>
    public static string Agreement(this Activity activity) => activity switch
    {
        Activity.Call => "Reference calls with prospects",
        Activity.SiteVisit => "Site visits",
        Activity.Quote => "A quote in our materials",
        Activity.Logo => "Your logo among our customers",
        Activity.CaseStudy => "Case studies",
        Activity.AnalystCall => "Calls with industry analysts",
        Activity.Press => "A word for the press",
        Activity.Speaking => "Talks at our events",
        Activity.Webinar => "Webinars",
        _ => "Unknown activity",
    };

    public static string Words(this AccountStatus status) => status switch
    {
        AccountStatus.Active => "Active",
        AccountStatus.Caution => "Caution",
        AccountStatus.Paused => "Paused",
        AccountStatus.Retired => "Retired",
        _ => "Unknown status",
    };
}
