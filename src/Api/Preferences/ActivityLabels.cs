using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Preferences;

/// <summary>What each activity a reference may agree to is called on the pages a reference sees.</summary>
public static class ActivityLabels
{
    public static string Of(string activity) => activity switch
    {
        nameof(Activity.Call) => "Reference calls with prospects",
        nameof(Activity.SiteVisit) => "Site visits",
        nameof(Activity.Quote) => "A quote in our materials",
        nameof(Activity.Logo) => "Your logo among our customers",
        nameof(Activity.CaseStudy) => "Case studies",
        nameof(Activity.AnalystCall) => "Calls with industry analysts",
        nameof(Activity.Press) => "A word for the press",
        nameof(Activity.Speaking) => "Talks at our events",
        nameof(Activity.Webinar) => "Webinars",
        _ => activity,
    };
}
