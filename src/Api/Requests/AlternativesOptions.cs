namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Section <c>ReferenceFlow:Alternatives</c>: where a deferred request's rep finds each alternative to a live reference.
/// Each is a URL, absolute (the company's case-study library, video library, events page) or a path of ours; <c>{industry}</c>
/// and <c>{topic}</c> are replaced by the prospect's industry and first topic. The defaults are our own directory, filtered
/// to the customers who did that kind of thing.
/// </summary>
public sealed class AlternativesOptions
{
    public const string Section = "ReferenceFlow:Alternatives";

    public string CaseStudies { get; set; } = "/references?activity=CaseStudy&industry={industry}";

    public string CustomerTalks { get; set; } = "/references?activity=Webinar&topic={topic}";

    public string Events { get; set; } = "/references?activity=Speaking";
}
