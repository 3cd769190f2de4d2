using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Insights;

/// <summary>
/// What one debrief taught the sales team beyond its own deal: the concerns that lingered and the competitor's
/// landmines heard, with what the deal was about (its topics, competitor and industry) and the reference who spoke.
/// It holds no contact's name, email or phone, so it can be shown to reps who were not on the request; who was on
/// it (<see cref="RequesterEmail"/>, <see cref="OwnerEmails"/>) decides whether they see the reference's name.
/// </summary>
public sealed record DebriefInsight(
    string RequestId,
    DateTimeOffset At,
    IReadOnlyList<string> Topics,
    string? Competitor,
    string Industry,
    string? Concerns,
    string? Landmines,
    bool Happened,
    bool MetNeeds,
    InsightReference Reference,
    string RequesterEmail,
    IReadOnlyList<string> OwnerEmails)
{
    /// <summary>
    /// The insight of <paramref name="debrief"/>, read from the request right after it; null when it says neither a
    /// concern nor a landmine (nothing learned to pass on).
    /// </summary>
    public static DebriefInsight? From(RequestState after, DebriefSubmitted debrief)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(debrief);
        var concerns = Text(debrief.Concerns);
        var landmines = Text(debrief.Landmines);
        if ((concerns is null && landmines is null) || after.Intake is not { } intake || after.Current is not { } called)
        {
            return null;
        }

        return new DebriefInsight(
            after.RequestId!, debrief.At, [.. intake.Topics.Distinct(StringComparer.OrdinalIgnoreCase)], Text(intake.Prospect.Competitor),
            intake.Prospect.Industry, concerns, landmines, debrief.Happened, debrief.MetNeeds,
            new InsightReference(called.ReferenceId, called.Account.Name, called.Account.Industry, called.Account.Employees),
            after.RequesterEmail, [.. after.Candidates.Select(c => c.Account.OwnerEmail).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The reference whose call the debrief is about: the account, never the person.</summary>
public sealed record InsightReference(string ReferenceId, string Account, string Industry, int Employees);
