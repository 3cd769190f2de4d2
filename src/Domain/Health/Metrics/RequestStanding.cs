using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>
/// Where a request stands now, in the few groups the program page charts: a program manager reads "of the requests
/// submitted that week, how many got a call, how many are still running, how many went nowhere and why", not the ten
/// workflow states.
/// </summary>
public enum RequestStanding
{
    /// <summary>Still running: an owner or reference is asked, a slot is sought, a call is ahead or awaits its debrief.</summary>
    InProgress,

    /// <summary>A call took place (whatever happened after it: closed, or even cancelled).</summary>
    CallHeld,

    /// <summary>The deal closed before any call, so the ask was withdrawn.</summary>
    ClosedBeforeCall,

    Unfulfilled,
    Cancelled,
    Deferred,
}

public static class RequestStandings
{
    /// <summary>The one rule: a call held wins over whatever the request did next; otherwise the state says it.</summary>
    public static RequestStanding Of(RequestStatus status, bool callHeld) => callHeld ? RequestStanding.CallHeld : status switch
    {
        RequestStatus.Deferred => RequestStanding.Deferred,
        RequestStatus.Unfulfilled => RequestStanding.Unfulfilled,
        RequestStatus.Cancelled => RequestStanding.Cancelled,
        RequestStatus.Closed => RequestStanding.ClosedBeforeCall,
        _ => RequestStanding.InProgress,
    };

    public static string Words(this RequestStanding standing) => standing switch
    {
        RequestStanding.InProgress => "In progress",
        RequestStanding.CallHeld => "Call held",
        RequestStanding.ClosedBeforeCall => "Deal closed before a call",
        RequestStanding.Unfulfilled => "Unfulfilled",
        RequestStanding.Cancelled => "Cancelled",
        RequestStanding.Deferred => "Deferred",
        _ => throw new ArgumentOutOfRangeException(nameof(standing), standing, null),
    };
}
