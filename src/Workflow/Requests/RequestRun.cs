using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The input of one execution of a request's orchestration (it continues as new after every
/// command): the decider's state, how many history events it has, and the commands to decide
/// before waiting (the submission, a slot found, failures to record). The policy and the retry
/// rules travel with it: a request keeps the rules it was submitted under, so every replay of its
/// history decides exactly as the first run did (and orchestrators take no services).
/// With <see cref="ConfirmAt"/>, the submitter is applying the submission's decision itself: the request decides the
/// submission again exactly as the submitter did (at the submission's own time) and applies it at that moment, or
/// sooner when a command comes, which changes nothing unless the submitter died half-way (decision 011).
/// </summary>
public sealed record RequestRun(
    RequestState State, long Version, IReadOnlyList<RequestCommand> Pending, WorkflowPolicy Policy, EffectRetry Retry,
    DateTimeOffset? ConfirmAt = null)
{
    /// <summary>The request decides its submission itself, in its first execution.</summary>
    public static RequestRun Submit(SubmitRequest command, WorkflowPolicy policy, EffectRetry retry) =>
        new(RequestState.Initial, 0, [command], policy, retry);
}

/// <summary>The payload of the one external event a request takes: a command from a person or the CRM.</summary>
public sealed record CommandMessage(RequestCommand Command);
