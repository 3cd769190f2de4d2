using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>What the request service did with a command.</summary>
public abstract record CommandOutcome
{
    /// <summary>Handed to the request. <paramref name="Expected"/> is the state the decider reaches from the state read
    /// (the engine decides it again in order with any concurrent command); <paramref name="Events"/> what it expects to happen.</summary>
    public sealed record Accepted(RequestState Expected, IReadOnlyList<RequestEvent> Events) : CommandOutcome;

    /// <summary>No such request.</summary>
    public sealed record NotFound : CommandOutcome;
}

/// <summary>A submission: the request's id and state, and whether this call created it (false: the same submission again).</summary>
public sealed record Submission(string RequestId, RequestStatus State, bool Created);
