namespace ReferenceFlow.Domain.Requests;

/// <summary>The states of a reference request, as the public contract names them.</summary>
public enum RequestStatus
{
    Deferred,
    AwaitingOwnerApproval,
    AwaitingReferenceConsent,
    Scheduling,
    Introduced,
    AwaitingDebrief,
    Completed,
    Closed,
    Unfulfilled,
    Cancelled,
}
