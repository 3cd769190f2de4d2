using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Api.Requests.Views;

namespace ReferenceFlow.Api.Requests;

/// <summary>What a request operation answered: found and done, not found, not allowed for this user, moved on, or input that does not fit.</summary>
public abstract record RequestResult
{
    public sealed record Done(string Id, RequestStatus State) : RequestResult;

    public sealed record Missing : RequestResult;

    public sealed record Forbidden : RequestResult;

    /// <summary>The step the person answered is no longer open: someone answered first, or the request moved on.</summary>
    public sealed record MovedOn(string Message) : RequestResult;

    /// <summary>The input does not fit the request as it stands (<paramref name="Field"/> names what to change).</summary>
    public sealed record Invalid(string Field, string Message) : RequestResult;
}

/// <summary>
/// What recording a deal's outcome answered: whether the opportunity has a request this user may close, the requests
/// it changed (none when the outcome was recorded before: a repeated outcome changes nothing), and the other outcome
/// already recorded on a request it left as it was (Won, then Lost: the first outcome stays).
/// </summary>
public sealed record OutcomeRecording(bool OpportunityKnown, IReadOnlyList<RequestResult.Done> Changed, DealOutcome? RecordedOtherwise = null);

/// <summary>GET answers: the view, or why not.</summary>
public abstract record RequestLookup
{
    public sealed record Found(RequestView View) : RequestLookup;

    public sealed record Missing : RequestLookup;
}
