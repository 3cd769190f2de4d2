namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>How a simulated program picks and moves between references.</summary>
internal enum Strategy
{
    /// <summary>The product: fatigue and rotation in the ranking; only the current candidate reserved; the next one checked when asked.</summary>
    ReferenceFlow,

    /// <summary>The product with half the owners' accounts under a standing approval: asks for them go straight to the reference.</summary>
    StandingApprovals,

    /// <summary>The product before contacts were reserved only while asked: every remaining candidate of an open request is busy.</summary>
    ReserveAllCandidates,

    /// <summary>What a rep does by hand: the most similar reference every time, ignoring caps, fatigue and other requests.</summary>
    GreedyBestMatch,
}
