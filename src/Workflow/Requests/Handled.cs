using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>How the handler took a command.</summary>
public enum HandledAs
{
    /// <summary>Decided and appended; its effects were carried out.</summary>
    Applied,

    /// <summary>The history held the command already; its effects were carried out again (each is once-only by its key).</summary>
    AlreadyApplied,

    /// <summary>The command changes nothing in the state the history holds (a timer no longer expected, or one early).</summary>
    Unchanged,

    /// <summary>The state refuses the command (<see cref="Handled.Refusal"/> says why).</summary>
    Refused,

    /// <summary>The request has no history.</summary>
    NotFound,
}

/// <summary>
/// What the handler answers its caller: how it took the command, the request as the history now stands (version, status,
/// the timer due first), and the follow-ups the decision asked for, whose answers are the request's next commands.
/// <see cref="Version"/> names those follow-ups: the decision's last version, the same on every run of it.
/// </summary>
public sealed record Handled(
    HandledAs As, long Version, RequestStatus Status, TimerDue? Next,
    IReadOnlyList<SlotRequest> SlotSearches, IReadOnlyList<CandidateCheck> CandidateChecks, string? Refusal = null)
{
    public static Handled Of(HandledAs how, long version, RequestState state, Decision? decision = null, string? refusal = null) =>
        new(how, version, state.Status, state.NextTimer, decision?.SlotSearches ?? [], decision?.CandidateChecks ?? [], refusal);

    /// <summary>The commands the follow-ups answer with, each under an id the decision's version makes stable.</summary>
    public CommandMessage SlotAnswer(int index, ProposedSlot slot, DateTimeOffset at) =>
        new($"slot:{Version}:{index}", new ProposeSlot(slot, at));

    public CommandMessage CheckAnswer(int index, ChooseCandidate chosen) => new($"check:{Version}:{index}", chosen);

    /// <summary>The command that records an effect the mail server refused for good.</summary>
    public static CommandMessage Failure(EffectFailure failure, DateTimeOffset at) =>
        new("failed:" + failure.EffectId, new RecordEffectFailure(failure, at));
}
