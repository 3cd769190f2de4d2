using System.Globalization;
using ReferenceFlow.Api.Requests.Views;
using ReferenceFlow.Domain.Digest;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Digest;

/// <summary>The requests needing the program manager (and how many more than listed), and the nominations to review.</summary>
public sealed record ManagerQueueView(IReadOnlyList<RequestListItem> Requests, int MoreRequests, int NominationsToReview, bool MoreNominations)
{
    public WaitingOnManager Waiting => new(
        [.. Requests.Select(r => new WaitingRequest(r.Id, r.Company ?? "A request", Enum.TryParse<RequestStatus>(r.State, out var s) ? s : default,
            r.Rushed, DateOnly.TryParse(r.NeededBy, CultureInfo.InvariantCulture, out var d) ? d : null, r.CurrentAccount))],
        MoreRequests, NominationsToReview, MoreNominations);
}
