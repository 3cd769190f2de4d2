using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Domain.Nominations;

namespace ReferenceFlow.Api.Digest;

/// <summary>
/// What waits on the program manager, read one way for their home page and their morning digest: the requests that need
/// them (a page, counted past it) and the nominations to review (counted up to a page). Filtered and counted by the store.
/// </summary>
public sealed class ManagerQueue(RequestService requests, NominationService nominations)
{
    public const int RequestsShown = 15;

    /// <summary>Nominations are counted from one page at most: past that, "99+" says enough.</summary>
    public const int NominationsCounted = 99;

    public async Task<ManagerQueueView> LoadAsync(CurrentUser manager, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var attention = await requests.ListAsync(new RequestListQuery(NeedsAttention: true, PageSize: RequestsShown), manager, ct);
        var more = attention.Continuation is null ? 0
            : Math.Max(0, await requests.CountAsync(new RequestListQuery(NeedsAttention: true), manager, ct) - attention.Items.Count);
        var (proposed, next) = await nominations.ListAsync(NominationState.Proposed, manager, NominationsCounted, null, ct);
        return new ManagerQueueView(attention.Items, more, proposed.Count, next is not null);
    }
}
