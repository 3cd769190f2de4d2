using System.Globalization;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>What a year of one strategy came to.</summary>
internal sealed record Outcome(
    Strategy Strategy, int Requests, int Calls, double FulfilledInTime, double Unfulfilled, int CapViolations,
    double Gini, double MeanSimilarity, int ContactsNeverAsked, int BusiestContactCalls, double MedianHoursToIntroduction,
    double MedianHoursInSecondHalf)
{
    public static Outcome Of(
        Strategy strategy, IReadOnlyList<ReferenceAccount> directory, IReadOnlyList<RequestState> requests,
        IReadOnlyList<(RequestState Request, DateTimeOffset CallAt)> calls, IReadOnlyList<ContactUsage> ledger, WorkflowPolicy policy,
        IReadOnlyList<(DateTimeOffset SubmittedAt, TimeSpan Took)> toIntroduction, DateTimeOffset halfway)
    {
        var contacts = directory.SelectMany(a => a.Contacts.Select(c => (Key: new ContactKey(a.ReferenceId, c.ContactId), Contact: c))).ToList();
        var perContact = ledger.GroupBy(u => new ContactKey(u.ReferenceId, u.ContactId)).ToDictionary(g => g.Key, g => g.Count());
        var inTime = calls.Count(c => DateOnly.FromDateTime(c.CallAt.UtcDateTime) <= c.Request.Intake!.NeededBy);
        var violations = contacts.Sum(c => ledger
            .Where(u => u.ReferenceId == c.Key.ReferenceId && u.ContactId == c.Key.ContactId)
            .GroupBy(u => UsageIndex.QuarterStart(u.At))
            .Sum(q => Math.Max(0, q.Count() - Eligibility.Cap(c.Contact, policy))));
        return new Outcome(
            strategy, requests.Count, calls.Count,
            Share(inTime, requests.Count), Share(requests.Count(r => r.Status == RequestStatus.Unfulfilled), requests.Count),
            violations,
            GiniOf([.. contacts.Select(c => (double)perContact.GetValueOrDefault(c.Key))]),
            calls.Count == 0 ? 0 : calls.Average(c => Similarity(c.Request, directory, policy)),
            contacts.Count(c => !perContact.ContainsKey(c.Key)),
            perContact.Count == 0 ? 0 : perContact.Values.Max(),
            Median(toIntroduction.Select(t => t.Took.TotalHours)),
            Median(toIntroduction.Where(t => t.SubmittedAt >= halfway).Select(t => t.Took.TotalHours))) { States = requests };
    }

    /// <summary>Every request as the year left it.</summary>
    public IReadOnlyList<RequestState> States { get; init; } = [];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Table(IEnumerable<Outcome> outcomes)
    {
        var lines = new List<string>
        {
            "| strategy | requests | calls | fulfilled in lead time | unfulfilled | cap violations | Gini (calls per contact) | mean similarity | contacts never asked | busiest contact | median time to introduction | … of the second half's requests |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(outcomes.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"| {o.Strategy} | {o.Requests} | {o.Calls} | {o.FulfilledInTime:P1} | {o.Unfulfilled:P1} | {o.CapViolations} | {o.Gini:F3} | {o.MeanSimilarity:F3} | {o.ContactsNeverAsked} | {o.BusiestContactCalls} | {o.MedianHoursToIntroduction:F0} h | {o.MedianHoursInSecondHalf:F0} h |")));
        return string.Join('\n', lines);
    }

    /// <summary>0 when every contact carries the same load, towards 1 when a few carry it all.</summary>
    public static double GiniOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var total = sorted.Sum();
        if (sorted.Length == 0 || total == 0) return 0;
        var weighted = sorted.Select((v, i) => (i + 1) * v).Sum();
        return (2 * weighted / (sorted.Length * total)) - ((sorted.Length + 1.0) / sorted.Length);
    }

    /// <summary>
    /// The similarity of the reference who took the call: their score ranked alone with no usage (rotation full, no
    /// fatigue), unscaled — the same measure whichever strategy chose them.
    /// </summary>
    private static double Similarity(RequestState request, IReadOnlyList<ReferenceAccount> directory, WorkflowPolicy policy)
    {
        var chosen = request.Current!;
        var account = directory.Single(a => a.ReferenceId == chosen.ReferenceId);
        var alone = Matcher.Rank(request.Intake!, [account], [], new HashSet<ContactKey>(), request.SubmittedAt, policy, take: account.Contacts.Count)
            .Single(c => c.ContactId == chosen.ContactId);
        return Math.Clamp((alone.Score - MatchWeights.RotationShare) / MatchWeights.SimilarityShare, 0, 1);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
