using System.Globalization;
using System.Text;

namespace ReferenceFlow.Bench.Faults;

/// <summary>The run as one Markdown table, and every failure listed under it.</summary>
internal static class FaultTable
{
    public static string Render(FaultReport report)
    {
        var v = report.Verdict;
        var text = new StringBuilder();
        void Row(string what, object value) => text.Append(CultureInfo.InvariantCulture, $"| {what} | {value} |\n");
        text.Append(CultureInfo.InvariantCulture, $"Fault suite, seed {report.Plan.Seed}, {report.Took.TotalMinutes:0.0} min\n\n| figure | value |\n|---|---|\n");
        foreach (var kind in report.Faults.GroupBy(f => f.Kind))
        {
            var recoveries = kind.Where(f => f.Recovery is not null).Select(f => $"{f.Recovery!.Value.TotalSeconds:0.0}").ToList();
            Row($"fault: {kind.Key}", kind.Count() + (recoveries.Count > 0 ? $" (answering again after {string.Join(", ", recoveries)} s)" : ""));
        }
        Row("hostile inputs sent", report.FloodSent);
        Row("calendar answers refused (429/503)", report.CalendarRefusals);
        Row("503 answers during outages (without Retry-After)", $"{report.OutageAnswers.Answers} ({report.OutageAnswers.WithoutRetryAfter})");
        Row("429 answers of the rate limits (without Retry-After)", $"{report.RateLimited.Answers} ({report.RateLimited.WithoutRetryAfter})");
        Row("requests", v.Requests);
        Row("requests ended as", string.Join(", ", v.EndedAs.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}")));
        Row("stuck", v.Stuck.Count);
        Row("commands accepted / lost", $"{v.CommandsAccepted} / {v.CommandsLost.Count}");
        Row("histories with a gap", v.HistoryGaps.Count);
        Row("answers that acted twice", v.ActedTwice.Count);
        Row("repeated answers recorded without effect", v.Repeats);
        Row("emails expected / delivered / duplicated / lost", $"{v.EmailsExpected} / {v.EmailsDelivered} / {v.EmailsDuplicated.Count} / {v.EmailsLost.Count}");
        Row("emails sent again after a kill in the send window (allowed, decision 022)", v.EmailsResentAfterKill.Count);
        Row("contacts over their cap", v.OverCap.Count);
        Row("500s", report.ServerErrors.Count);
        Row("other problems", v.Problems.Count);
        Row("command latency p50 / p95, outside faults (n)", Latency(report.Commands.Where(c => !c.DuringFault)));
        Row("command latency p50 / p95, during faults (n)", Latency(report.Commands.Where(c => c.DuringFault)));
        // A click that met the rate limit (the flood's link pages come from the same address) waits as told: counted above, and apart here.
        Row("… outside faults, without the commands that waited out a 429 (n)", Latency(report.Commands.Where(c => !c.DuringFault && !c.WaitedOutRateLimit)));
        Row("verdict", report.Passed ? "PASS" : "FAIL");
        foreach (var (title, items) in new[]
                 {
                     ("Stuck", v.Stuck), ("Commands lost", v.CommandsLost), ("History gaps", v.HistoryGaps), ("Acted twice", v.ActedTwice), ("Emails lost", v.EmailsLost),
                     ("Emails duplicated", v.EmailsDuplicated), ("Emails sent again after a kill", v.EmailsResentAfterKill), ("Over cap", v.OverCap), ("500s", report.ServerErrors.ToList()), ("Problems", v.Problems),
                 })
        {
            if (items.Count == 0) continue;
            text.Append(CultureInfo.InvariantCulture, $"\n{title}:\n");
            foreach (var item in items.Take(50)) text.Append(CultureInfo.InvariantCulture, $"- {item}\n");
        }
        if (!report.Passed)
        {
            // To set each failure beside what was broken at that moment.
            text.Append("\nFaults, in order:\n");
            foreach (var fault in report.Faults.Where(f => f.Ended > f.Began).OrderBy(f => f.Began))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {fault.Began:HH:mm:ss.fff}–{fault.Ended:HH:mm:ss.fff} {fault.Kind}\n");
            }
        }
        return text.ToString();
    }

    private static string Latency(IEnumerable<Timing> timings)
    {
        var ms = timings.Select(t => t.Milliseconds).Order().ToList();
        if (ms.Count == 0) return "–";
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0} / {At(0.95):0} ms ({ms.Count})");
    }
}
