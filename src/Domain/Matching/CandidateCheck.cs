using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// What the workflow checks before asking the next owner: the request's intake, every candidate already listed (in
/// ranked order), and where the ones not yet asked begin.
/// </summary>
public sealed record CandidateCheck(RequestIntake Intake, IReadOnlyList<ContactKey> Listed, int FromIndex, DateTimeOffset At)
{
    /// <summary>The listed candidates not yet asked, in ranked order.</summary>
    public IReadOnlyList<ContactKey> Remaining => [.. Listed.Skip(FromIndex)];
}
