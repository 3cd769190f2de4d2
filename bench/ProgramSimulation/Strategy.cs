namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>How a simulated program picks and moves between references.</summary>
internal enum Strategy
{
    /// <summary>The product before approvals stopped waiting: one candidate asked at a time, every owner asked.</summary>
    OneAtATime,

    /// <summary>The product as it ships: one at a time unless the need-by date leaves no room, then two at once (decision 041).</summary>
    ReferenceFlow,

    /// <summary>One at a time, with half the owners' accounts (<c>--standing-share</c>) under a standing approval: asks for them go straight to the reference.</summary>
    StandingApprovals,

    /// <summary>The product with half the owners' standing approvals and parallel asks when time is short: issue 27 whole.</summary>
    StandingAndParallel,

    /// <summary>
    /// The product from a year with no standing approval: an owner approving an ask ticks "from now on" for that contact
    /// one time in four (<c>--from-now-on</c>, decision 051), and parallel asks when time is short.
    /// </summary>
    ApprovalsFromNowOn,

    /// <summary>The product before contacts were reserved only while asked: every remaining candidate of an open request is busy.</summary>
    ReserveAllCandidates,

    /// <summary>What a rep does by hand: the most similar reference every time, ignoring caps, fatigue and other requests.</summary>
    GreedyBestMatch,
}

internal static class Strategies
{
    /// <summary>Whether the strategy asks several at once when time is short; the others keep to one at a time.</summary>
    public static bool AsksInParallel(this Strategy strategy) =>
        strategy is Strategy.ReferenceFlow or Strategy.StandingAndParallel or Strategy.ApprovalsFromNowOn;

    /// <summary>Whether a share of the owners (half unless <c>--standing-share</c>) have set a standing approval.</summary>
    public static bool HasStandingApprovals(this Strategy strategy) => strategy is Strategy.StandingApprovals or Strategy.StandingAndParallel;

    /// <summary>Whether moving on checks the list and matches afresh, as the product does (the others take the next on the list).</summary>
    public static bool ChecksCandidates(this Strategy strategy) => strategy is not (Strategy.ReserveAllCandidates or Strategy.GreedyBestMatch);
}
