using System.Text.Json;
using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Health.Metrics;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary><c>GET /api/program/metrics</c>: the figures of the program page as JSON, names in camelCase as api.md spells them.</summary>
public sealed record MetricsDto(
    string From, string To,
    RequestsFigure Requests,
    FulfilFigure TimeToFulfil,
    AnswersFigure Answers,
    CallsFigure Calls,
    DebriefsFigure Debriefs,
    OutcomesFigure Outcomes,
    IReadOnlyList<HelperRow> HelpedMost,
    IReadOnlyList<HelperRow> ThankedLeast,
    Utilisation Utilisation,
    IReadOnlyList<CoverageRow> CoverageGaps,
    IReadOnlyList<LevelCount> Levels)
{
    public static MetricsDto Of(ProgramReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Figures;
        return new MetricsDto(
            MetricsRange.Text(f.From), MetricsRange.Text(f.To),
            new RequestsFigure(f.Submitted, Names(f.ByStanding),
                [.. f.Weeks.Select(w => new WeekRequests(MetricsRange.Text(w.Start), w.Submitted, Names(w.ByStanding)))]),
            new FulfilFigure(f.Fulfil.Introductions, f.Fulfil.MedianHours, f.Fulfil.P90Hours),
            new AnswersFigure(Names(f.Answers), [.. f.Reasons.Select(r => new ReasonFigure(Name(r.Answer), r.Reason, r.Count))]),
            new CallsFigure(f.CallsHeld, [.. f.Weeks.Select(w => new WeekCalls(MetricsRange.Text(w.Start), w.CallsHeld))]),
            new DebriefsFigure(f.Debriefs, f.Debriefs - f.DebriefsCallMissed, f.DebriefsCallMissed),
            new OutcomesFigure(f.Outcomes.InfluencedRevenueUsd, f.Outcomes.WonAfterCall, f.Outcomes.LostAfterCall, f.Outcomes.WinRateWithReference,
                f.Outcomes.WonBeforeCall, f.Outcomes.LostBeforeCall, f.Outcomes.WinRateBeforeCall),
            report.HelpedMost, report.ThankedLeast, report.Utilisation,
            [.. report.CoverageGaps.Select(CoverageRow.From)],
            [.. report.Levels.OrderByDescending(l => l.Key).Select(l => new LevelCount((int)l.Key, Name(l.Key), l.Value))]);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static Dictionary<string, int> Names<T>(IReadOnlyDictionary<T, int> counts) where T : struct, Enum =>
        counts.OrderBy(c => c.Key).ToDictionary(c => Name(c.Key), c => c.Value);
}

/// <summary>Requests submitted in the range, by where each stands now, in total and per week (Monday first).</summary>
public sealed record RequestsFigure(int Submitted, IReadOnlyDictionary<string, int> ByStanding, IReadOnlyList<WeekRequests> ByWeek);

public sealed record WeekRequests(string WeekStart, int Submitted, IReadOnlyDictionary<string, int> ByStanding);

/// <summary>Submission to first introduction, of the requests first introduced in the range (hours; null when none).</summary>
public sealed record FulfilFigure(int Introductions, double? MedianHours, double? P90Hours);

public sealed record AnswersFigure(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ReasonFigure> Reasons);

public sealed record ReasonFigure(string Answer, string Reason, int Count);

public sealed record CallsFigure(int Held, IReadOnlyList<WeekCalls> ByWeek);

public sealed record WeekCalls(string WeekStart, int Held);

public sealed record DebriefsFigure(int Done, int CallHappened, int CallMissed);

public sealed record OutcomesFigure(
    decimal InfluencedRevenueUsd, int WonWithReference, int LostWithReference, double? WinRateWithReference,
    int WonBeforeCall, int LostBeforeCall, double? WinRateBeforeCall);

public sealed record LevelCount(int Level, string Name, int Contacts);
