namespace ReferenceFlow.Domain.Digest;

/// <summary>
/// What waits on the program manager, as their home page counts it: the requests that need them (the first of them, and how
/// many more) and the nominations waiting for their review (<paramref name="MoreNominations"/>: more than counted).
/// </summary>
public sealed record WaitingOnManager(IReadOnlyList<WaitingRequest> Requests, int MoreRequests, int NominationsToReview, bool MoreNominations)
{
    public bool IsEmpty => Requests.Count == 0 && MoreRequests == 0 && NominationsToReview == 0;
}
