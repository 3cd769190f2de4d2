namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>The program's figures over a date range (UTC days, both ends included), as the page and the API show them.</summary>
public sealed record ProgramFigures(
    DateOnly From,
    DateOnly To,
    int Submitted,
    IReadOnlyDictionary<RequestStanding, int> ByStanding,
    IReadOnlyList<WeekFigures> Weeks,
    FulfilFigures Fulfil,
    IReadOnlyDictionary<Answer, int> Answers,
    IReadOnlyList<ReasonCount> Reasons,
    int CallsHeld,
    int Debriefs,
    int DebriefsCallMissed,
    OutcomeFigures Outcomes,
    IReadOnlyList<ContactHelp> HelpedMost,
    IReadOnlyList<ContactHelp> ThankedLeast);

/// <summary>One week (Monday to Sunday; the first and last may be cut by the range): requests submitted by where they stand now, calls held.</summary>
public sealed record WeekFigures(DateOnly Start, IReadOnlyDictionary<RequestStanding, int> ByStanding, int CallsHeld)
{
    public int Submitted => ByStanding.Values.Sum();
}

/// <summary>Time to fulfil (<see cref="RequestFacts.IntroducedAt"/>) of the requests first introduced in the range, in hours.</summary>
public sealed record FulfilFigures(int Introductions, double? MedianHours, double? P90Hours);

public sealed record ReasonCount(Answer Answer, string Reason, int Count);

/// <summary>
/// Outcomes recorded in the range. After a call: the deal closed after a call was held, and a win credits its amount as
/// influenced revenue. Before a call: the deal closed while the ask was still open; nothing is credited.
/// </summary>
public sealed record OutcomeFigures(int WonAfterCall, int LostAfterCall, decimal InfluencedRevenueUsd, int WonBeforeCall, int LostBeforeCall)
{
    /// <summary>Win rate with references: won out of the deals that closed after a reference call; null when none did.</summary>
    public double? WinRateWithReference => ProgramMetrics.Rate(WonAfterCall, WonAfterCall + LostAfterCall);

    /// <summary>The same for deals that closed before any call, for comparison.</summary>
    public double? WinRateBeforeCall => ProgramMetrics.Rate(WonBeforeCall, WonBeforeCall + LostBeforeCall);
}

/// <summary>A contact's calls held in the range, and how many of their thank-yous came with a gift.</summary>
public sealed record ContactHelp(References.ContactKey Contact, int Calls, int Gifts)
{
    /// <summary>Calls thanked with words only.</summary>
    public int WithoutGift => Calls - Gifts;
}
