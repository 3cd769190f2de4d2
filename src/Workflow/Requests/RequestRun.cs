using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The input of one execution of a request's orchestration (it continues as new after every
/// command): the decider's state, how many history events it has, and the commands to decide
/// before waiting (the submission, a slot found, failures to record). The policy and the retry
/// rules travel with it: a request keeps the rules it was submitted under, so every replay of its
/// history decides exactly as the first run did (and orchestrators take no services).
/// <see cref="Confirm"/> is the first decision when the submitter applied it itself.
/// </summary>
public sealed record RequestRun(
    RequestState State, long Version, IReadOnlyList<RequestCommand> Pending, WorkflowPolicy Policy, EffectRetry Retry,
    SubmitterApplied? Confirm = null)
{
    /// <summary>The request decides its submission itself, in its first execution.</summary>
    public static RequestRun Submit(SubmitRequest command, WorkflowPolicy policy, EffectRetry retry) =>
        new(RequestState.Initial, 0, [command], policy, retry);

    /// <summary>The submitter decided and applies the submission; the request applies it again, to be sure, at <paramref name="confirmAt"/>.</summary>
    public static RequestRun Submitted(Decision first, DateTimeOffset confirmAt, WorkflowPolicy policy, EffectRetry retry) =>
        new(first.After, first.ToVersion, [], policy, retry, new SubmitterApplied(first, confirmAt));
}

/// <summary>
/// The first decision as the submitter applied it, for the request to apply again at <see cref="ConfirmAt"/> (or before it
/// decides anything else): when the submitter finished, that changes nothing; when it died half-way, that finishes its work.
/// </summary>
public sealed record SubmitterApplied(Decision Decision, DateTimeOffset ConfirmAt);

/// <summary>The payload of the one external event a request takes: a command from a person or the CRM.</summary>
public sealed record CommandMessage(RequestCommand Command);
