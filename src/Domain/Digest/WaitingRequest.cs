using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Digest;

/// <summary>A request that needs the program manager (<see cref="RequestState.NeedsAttention"/>), as the lists show it.</summary>
public sealed record WaitingRequest(string RequestId, string Company, RequestStatus Status, bool Rushed, DateOnly? NeededBy, string? Account)
{
    /// <summary>Why it waits on the program manager, in a few words: the three reasons a request needs attention.</summary>
    public string Why => Status switch
    {
        RequestStatus.Unfulfilled => "no reference could be found for it",
        _ when Rushed => NeededBy is { } date ? $"rushed, needed by {TimeWords.Date(date)}" : "rushed",
        RequestStatus.AwaitingOwnerApproval => Account is { Length: > 0 } account
            ? $"the owner of {account} has not answered in time"
            : "the owner has not answered in time",
        _ => "needs your attention",
    };
}
