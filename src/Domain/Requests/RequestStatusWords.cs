namespace ReferenceFlow.Domain.Requests;

/// <summary>What each state means, said once: whether a request in it is open, and its name as people say it.</summary>
public static class RequestStatusWords
{
    /// <summary>
    /// Open: the request still has work ahead — an ask, a call, a debrief, or (Completed) the deal's outcome to close
    /// the loop with. Deferred, Closed, Unfulfilled and Cancelled are ends.
    /// </summary>
    public static bool IsOpen(this RequestStatus status) => status is
        RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent or RequestStatus.Scheduling
        or RequestStatus.Introduced or RequestStatus.AwaitingDebrief or RequestStatus.Completed;

    public static string Words(this RequestStatus status) => status switch
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
}
