using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health;

/// <summary>
/// Fatigue (domain.md): a contact's uses this quarter against its cap. The quarter and the cap are matching's own
/// (<see cref="UsageIndex.QuarterStart"/>, <see cref="Eligibility.Cap"/>), so "over-asked" here is exactly "matching
/// skips them until next quarter".
/// </summary>
public sealed record ContactFatigue(int UsesThisQuarter, int Cap, DateTimeOffset? LastUsed)
{
    /// <summary>At or over the cap.</summary>
    public bool OverAsked => UsesThisQuarter >= Cap;

    /// <summary>No use on record, ever: the usage read model records what a contact did, so this is "never asked and said yes".</summary>
    public bool NeverAsked => LastUsed is null;

    public static ContactFatigue Of(ReferenceContact contact, UsageSummary used, WorkflowPolicy policy) =>
        new(used.ThisQuarter, Eligibility.Cap(contact, policy), used.LastUsed);

    /// <summary>True when the contact stands as <paramref name="standing"/> asks.</summary>
    public bool Is(UsageStanding standing) => standing switch
    {
        UsageStanding.OverAsked => OverAsked,
        UsageStanding.NeverAsked => NeverAsked,
        _ => throw new ArgumentOutOfRangeException(nameof(standing), standing, null),
    };
}

/// <summary>The two ends of fatigue a program manager looks for.</summary>
public enum UsageStanding
{
    OverAsked,
    NeverAsked,
}
