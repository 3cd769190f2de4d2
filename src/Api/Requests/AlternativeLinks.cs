using ReferenceFlow.Api.Requests.Views;
using ReferenceFlow.Domain.Readiness;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>A deferred request's alternatives (the Domain's words) with the link the program configured for each kind, if any.</summary>
public static class AlternativeLinks
{
    public static IReadOnlyList<AlternativeLink> For(RequestIntake intake, AlternativesOptions options)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(options);
        return [.. DeferralAlternative.For(intake).Select(a => new AlternativeLink(a.Text, Safe(Fill(Template(a.Kind, options), intake))))];
    }

    private static string Template(AlternativeKind kind, AlternativesOptions options) => kind switch
    {
        AlternativeKind.CaseStudies => options.CaseStudies,
        AlternativeKind.CustomerTalks => options.CustomerTalks,
        AlternativeKind.Events => options.Events,
        _ => "",
    } ?? "";

    /// <summary>A path of ours or an http(s) address; anything else (empty, another scheme) is no link, the text stays.</summary>
    private static string? Safe(string href) =>
        (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? href
            : null;

    // The values go into a URL: escaped, so an industry such as "Health & Care" stays one value.
    private static string Fill(string template, RequestIntake intake) => template.Trim()
        .Replace("{industry}", Uri.EscapeDataString(intake.Prospect.Industry), StringComparison.Ordinal)
        .Replace("{topic}", Uri.EscapeDataString(intake.Topics.FirstOrDefault() ?? ""), StringComparison.Ordinal);
}
