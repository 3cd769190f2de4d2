using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Readiness;

/// <summary>What a deferred request offers instead of a live reference; each kind has a link the program configures.</summary>
public enum AlternativeKind
{
    CaseStudies,
    CustomerTalks,
    Events,
}

/// <summary>One alternative to a live reference, in the words the rep reads.</summary>
public sealed record DeferralAlternative(AlternativeKind Kind, string Text)
{
    /// <summary>The alternatives for a request too early for a reference, fitted to its prospect and topics.</summary>
    public static IReadOnlyList<DeferralAlternative> For(RequestIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var topics = intake.Topics.Count > 0 ? string.Join(", ", intake.Topics) : "the product";
        return
        [
            new(AlternativeKind.CaseStudies, $"Case studies from {intake.Prospect.Industry} customers"),
            new(AlternativeKind.CustomerTalks, $"Recorded customer talks on {topics}"),
            new(AlternativeKind.Events, "Upcoming customer events and webinars the prospect can join"),
        ];
    }
}
