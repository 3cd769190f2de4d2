using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// A candidate asked beside the request's current one, when time is short (decision 041): their owner at
/// <paramref name="Step"/> until <paramref name="OwnerApproved"/>, then the reference themselves. The first to consent becomes
/// the current candidate; the others are released. <paramref name="Timers"/> are the ask's timeout, nothing else: the
/// program manager already hears of a rushed request, and a reminder would crowd an owner who may not be needed.
/// </summary>
public sealed record ParallelAsk(int CandidateIndex, string? Step, bool OwnerApproved, IReadOnlyList<TimerDue> Timers)
{
    /// <summary>
    /// The most candidates a request asks at once, whatever the policy says: more would ask owners who are very likely not
    /// needed, and the request lists find an owner among at most two asks beside the current one.
    /// </summary>
    public const int Most = 3;

    public bool Equals(ParallelAsk? other) =>
        other is not null && CandidateIndex == other.CandidateIndex && Step == other.Step && OwnerApproved == other.OwnerApproved
        && Seq.Equal(Timers, other.Timers);

    public override int GetHashCode() => HashCode.Combine(CandidateIndex, Step, OwnerApproved, Seq.Hash(Timers));
}

/// <summary>An ask let go: whether its owner had approved says who hears it is off (the reference, or only the owner).</summary>
public sealed record ReleasedAsk(int CandidateIndex, bool OwnerApproved);

/// <summary>Why asks were let go: another candidate consented first, or the request ended (cancelled, decided, unavailable).</summary>
public enum AskRelease
{
    AnotherAgreed,
    RequestEnded,
}

/// <summary>One more candidate a candidate check held for a request asking several at once, with the standing approval that covers asking them.</summary>
public sealed record ParallelChoice(int Index, References.StandingApproval? Standing = null);
