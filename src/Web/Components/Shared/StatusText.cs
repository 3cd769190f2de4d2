using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Shared;

/// <summary>Words for request states, as people say them.</summary>
public static class StatusText
{
    public static string Of(RequestStatus status) => status switch
    {
        RequestStatus.Deferred => "Deferred",
        RequestStatus.AwaitingOwnerApproval => "Awaiting owner",
        RequestStatus.AwaitingReferenceConsent => "Awaiting reference",
        RequestStatus.Scheduling => "Scheduling",
        RequestStatus.Introduced => "Introduced",
        RequestStatus.AwaitingDebrief => "Awaiting debrief",
        RequestStatus.Completed => "Completed",
        RequestStatus.Closed => "Closed",
        RequestStatus.Unfulfilled => "Unfulfilled",
        RequestStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static bool IsOpen(RequestStatus status) => status is
        RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent or
        RequestStatus.Scheduling or RequestStatus.Introduced or RequestStatus.AwaitingDebrief;
}
