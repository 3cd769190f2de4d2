using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// What the workflow checks before asking the next owner: the request's intake, every candidate already listed (in
/// ranked order), where the ones not yet asked begin, and the request it is for (the one chosen is held for it;
/// checks asked for before holds carry none), and how many it wants held and asked at once.
/// </summary>
public sealed record CandidateCheck(
    RequestIntake Intake, IReadOnlyList<ContactKey> Listed, int FromIndex, DateTimeOffset At, string? RequestId = null, int Wanted = 1)
{
    /// <summary>The listed candidates not yet asked, in ranked order.</summary>
    public IReadOnlyList<ContactKey> Remaining => [.. Listed.Skip(FromIndex)];
}
