using System.Globalization;
using ReferenceFlow.Domain.Digest;
using ReferenceFlow.Domain.Health.Capacity;

namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// The program manager's morning email: what waits on them, each item a link to the page where they act. Never sent
/// empty: a day when nothing waits has no digest.
/// </summary>
public static class ManagerDigest
{
    public static OutboundEmail? For(string managerEmail, WaitingOnManager waiting, DateOnly day)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerEmail);
        ArgumentNullException.ThrowIfNull(waiting);
        if (waiting.IsEmpty) return null;

        var requests = waiting.Requests.Count + waiting.MoreRequests;
        var nominations = Count(waiting.NominationsToReview, waiting.MoreNominations, "nomination");
        List<string> counts = [];
        List<string> paragraphs = [$"Good morning. This is what waits on you in {OurCompany.Name}'s reference program on {TimeWords.Date(day)}."];
        List<PageLink> links = [.. waiting.Requests.Select(r => new PageLink($"{r.Company}: {r.Why}", $"/requests/{Uri.EscapeDataString(r.RequestId)}"))];
        if (requests > 0)
        {
            counts.Add(Count(requests, false, "request"));
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
                $"Requests that need you: {requests}. Each is rushed, has an owner who did not answer in time, or found nobody to ask."));
        }
        if (waiting.MoreRequests > 0)
        {
            links.Add(new PageLink(string.Create(CultureInfo.InvariantCulture, $"{waiting.MoreRequests} more on your home page"), "/"));
        }
        if (waiting.NominationsToReview > 0)
        {
            counts.Add(nominations);
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
                $"Nominations to review: {waiting.NominationsToReview}{(waiting.MoreNominations ? "+" : "")}. Nobody is invited before you say yes."));
            links.Add(new PageLink("Review the nominations", "/nominations"));
        }
        if (waiting.RunningDry.Count > 0)
        {
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{waiting.RunningDry.Count} running dry soon"));
            var shown = waiting.RunningDry.Take(RunningDryShown).Select(r => $"{r.DimensionInWords.ToLowerInvariant()} {r.ValueInWords} ({Dry(r.RunsDryOn!.Value, day)})");
            var more = waiting.RunningDry.Count > RunningDryShown ? string.Create(CultureInfo.InvariantCulture, $", and {waiting.RunningDry.Count - RunningDryShown} more") : "";
            paragraphs.Add($"Running out of reference calls within {CapacityWarning.Weeks} weeks at the pace requests come in: {string.Join("; ", shown)}{more}. "
                + "References nominated now have time to be invited and say yes.");
            links.Add(new PageLink("See the capacity forecast and nominate", "/program#capacity"));
        }
        paragraphs.Add("Each link opens the page where you can act.");

        return new OutboundEmail(EmailKind.Digest, null, [Words.Staff(managerEmail)], $"Waiting on you today: {string.Join(", ", counts)}",
            paragraphs, Links: links);
    }

    private const int RunningDryShown = 5;

    private static string Dry(DateOnly on, DateOnly today) => on <= today ? "already" : $"from {TimeWords.Date(on)}";

    private static string Count(int n, bool more, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n}{(more ? "+" : "")} {noun}{(n == 1 && !more ? "" : "s")}");
}
