using ReferenceFlow.Domain.Health.Capacity;

namespace ReferenceFlow.Domain.Digest;

/// <summary>
/// What waits on the program manager, as their home page counts it: the requests that need them (the first of them, and how
/// many more) and the nominations waiting for their review (<paramref name="MoreNominations"/>: more than counted); for the
/// morning email also what the capacity forecast says runs dry soon (<see cref="CapacityWarning"/>).
/// </summary>
public sealed record WaitingOnManager(IReadOnlyList<WaitingRequest> Requests, int MoreRequests, int NominationsToReview, bool MoreNominations)
{
    public IReadOnlyList<CapacityRow> RunningDry { get; init; } = [];

    public bool IsEmpty => Requests.Count == 0 && MoreRequests == 0 && NominationsToReview == 0 && RunningDry.Count == 0;
}
