using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// One ranked contact, with a snapshot of everything the workflow needs later (emails,
/// briefings, scheduling) so the decider never reads the directory again. <paramref name="Standing"/> is the owner's
/// standing approval that covered asking this contact when they were ranked (null when none did).
/// </summary>
public sealed record Candidate(
    string ReferenceId,
    string ContactId,
    double Score,
    IReadOnlyList<string> Reasons,
    CandidateAccount Account,
    CandidateContact Contact,
    StandingApproval? Standing = null)
{
    public ContactKey Key => new(ReferenceId, ContactId);

    /// <summary>Caution accounts may be offered; their owner sees this note before approving.</summary>
    public bool Caution => Account.Status == AccountStatus.Caution;

    public bool Equals(Candidate? other) =>
        other is not null
        && ReferenceId == other.ReferenceId
        && ContactId == other.ContactId
        && Score.Equals(other.Score)
        && Seq.Equal(Reasons, other.Reasons)
        && Account.Equals(other.Account)
        && Contact.Equals(other.Contact)
        && Equals(Standing, other.Standing);

    public override int GetHashCode() => HashCode.Combine(ReferenceId, ContactId, Score, Seq.Hash(Reasons));
}
