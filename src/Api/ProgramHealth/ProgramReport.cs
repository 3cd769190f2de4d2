using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Health.Metrics;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>
/// What the program page and <c>GET /api/program/metrics</c> show: the figures of the range from the day read model,
/// and, as of now, utilisation against caps, coverage gaps and contacts per level from the directory and usage.
/// </summary>
public sealed record ProgramReport(
    ProgramFigures Figures,
    IReadOnlyList<HelperRow> HelpedMost,
    IReadOnlyList<HelperRow> ThankedLeast,
    Utilisation Utilisation,
    IReadOnlyList<CoverageGap> CoverageGaps,
    IReadOnlyDictionary<ReferenceLevel, int> Levels);

/// <summary>A contact who took calls in the range, named from the directory (the ids alone when it is gone from there).</summary>
public sealed record HelperRow(string ReferenceId, string Account, string ContactId, string Name, int Calls, int Gifts, int WithoutGift);

/// <summary>
/// Uses this quarter against each contact's cap, over the contacts of accounts that are not retired (fatigue's own
/// rule): how many are over-asked and never asked, and the most used, fullest first.
/// </summary>
public sealed record Utilisation(int Contacts, int OverAsked, int NeverAsked, IReadOnlyList<FatigueRow> MostUsed)
{
    public const int Shown = 10;
}
