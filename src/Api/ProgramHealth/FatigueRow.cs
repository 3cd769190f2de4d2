using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>One contact in <c>GET /api/program/fatigue</c>: uses this quarter against its cap, last use, never asked, over-asked.</summary>
public sealed record FatigueRow(
    string ReferenceId, string Account, string ContactId, string Name,
    int UsesThisQuarter, int Cap, DateTimeOffset? LastUsed, bool NeverAsked, bool OverAsked)
{
    public static FatigueRow From(ReferenceAccount account, ReferenceContact contact, ContactFatigue fatigue)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(fatigue);
        return new(account.ReferenceId, account.Account, contact.ContactId, contact.Name,
            fatigue.UsesThisQuarter, fatigue.Cap, fatigue.LastUsed, fatigue.NeverAsked, fatigue.OverAsked);
    }
}

/// <summary>One gap in <c>GET /api/program/coverage</c>; the dimension in lower case, as api.md spells it.</summary>
public sealed record CoverageRow(string Dimension, string Value, int ActiveReferences)
{
    public static CoverageRow From(CoverageGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new(gap.Dimension.ToString().ToLowerInvariant(), gap.Value, gap.ActiveReferences);
    }
}
