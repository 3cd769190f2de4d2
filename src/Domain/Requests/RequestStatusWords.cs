namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// What each state means, said once: whether a request in it is open, and its name as people say it. The pages' pills
/// and filters, the API's problem texts and the timeline's notes all use these words, so a customer never reads an enum
/// name and nobody reads two names for one state.
/// </summary>
public static class RequestStatusWords
{
    /// <summary>
    /// Open: the request still has work ahead — an ask, a call, a debrief, or (Completed) the deal's outcome to close
    /// the loop with. Deferred, Closed, Unfulfilled and Cancelled are ends.
    /// </summary>
    public static bool IsOpen(this RequestStatus status) => status is
        RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent or RequestStatus.Scheduling
        or RequestStatus.Introduced or RequestStatus.AwaitingDebrief or RequestStatus.Completed;

    /// <summary>Before the call: the reference and the slot are still being found, no call is arranged yet.</summary>
    public static bool IsBeforeTheCall(this RequestStatus status) => status is
        RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent or RequestStatus.Scheduling;

    /// <summary>The state as a label ("Awaiting the owner"); lower-cased, each also reads on after "the request is".</summary>
    public static string Words(this RequestStatus status) => status switch
    {
        RequestStatus.Deferred => "Deferred",
        RequestStatus.AwaitingOwnerApproval => "Awaiting the owner",
        RequestStatus.AwaitingReferenceConsent => "Awaiting the reference",
        RequestStatus.Scheduling => "Being scheduled",
        RequestStatus.Introduced => "Introduced",
        RequestStatus.AwaitingDebrief => "Awaiting the debrief",
        RequestStatus.Completed => "Completed",
        RequestStatus.Closed => "Closed",
        RequestStatus.Unfulfilled => "Unfulfilled",
        RequestStatus.Cancelled => "Cancelled",
        _ => "in an unknown state",
    };

    /// <summary>The label inside a sentence: "the request is {words}".</summary>
    public static string WordsInSentence(this RequestStatus status) => status.Words().ToLowerInvariant();
}
