using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Deciding a request's step from its page or the API rather than an emailed link: the owner approves or declines (or the
/// program manager does on their behalf), the program manager asks the next candidate or moves the need-by date. Each is
/// the command the workflow already takes from the email link or the decider's table, sent through
/// <see cref="RequestWorkflow.SendAsync"/>, so the history records who did it.
/// </summary>
public sealed class RequestStepService(RequestWorkflow workflow, Domain.Policies.WorkflowPolicy policy, TimeProvider clock)
{
    private const string MovedOnText = "This ask is no longer open: someone answered first, or the request moved on. Nothing was changed.";

    /// <summary>Approve or decline the owner's step <paramref name="step"/> (the one open now when null).</summary>
    public Task<RequestResult> DecideAsOwnerAsync(string id, CurrentUser user, bool approve, string? step, string? reason, CancellationToken ct) =>
        ActAsync(id, user,
            // An owner answering an ask that has since gone to another account hears it moved on, not that it was never theirs.
            who: (u, s) => u.IsProgramManager || u.Is(s.Current?.Account.OwnerEmail) || (step is not null && step != s.Step && OwnsACandidate(u, s)),
            // The step may be an ask made in parallel with the current one (decision 041).
            when: s => step is null ? RequestAccess.IsOwnerStepOpen(s) : s.AskingAt(step) is { } asked && RequestAccess.IsOwnerStepOpen(asked),
            (state, now) => new DecideAsOwner(step ?? state.Step!, user.Email, approve, reason, now, AsProgramManager: user.IsProgramManager), ct);

    /// <summary>The program manager stops waiting on the owner asked at <paramref name="step"/> (the open one when null).</summary>
    public Task<RequestResult> AskNextCandidateAsync(string id, CurrentUser user, string? step, string? reason, CancellationToken ct) =>
        ActAsync(id, user, (u, _) => RequestAccess.CanSteer(u), s => RequestAccess.IsOwnerStepOpen(s) && (step is null || step == s.Step),
            (state, now) => new AskNextCandidate(step ?? state.Step!, user.Email, reason, now), ct);

    /// <summary>The program manager has the request ask several candidates at once from now on (decision 041).</summary>
    public Task<RequestResult> AskInParallelAsync(string id, CurrentUser user, CancellationToken ct) =>
        ActAsync(id, user, (u, _) => RequestAccess.CanSteer(u), s => RequestAccess.CanAskInParallel(s, policy),
            (_, now) => new AskInParallel(user.Email, now), ct);

    /// <summary>The program manager gives the request until <paramref name="neededBy"/>; a date not after the current one is named as such.</summary>
    public async Task<RequestResult> ExtendNeededByAsync(string id, CurrentUser user, DateOnly neededBy, CancellationToken ct)
    {
        var snapshot = await workflow.LoadAsync(id, ct);
        if (snapshot?.State.Intake is { } intake && neededBy <= intake.NeededBy && RequestAccess.CanView(user, snapshot.State) && RequestAccess.CanSteer(user))
        {
            return new RequestResult.Invalid("neededBy", $"Choose a date after the current one, {Domain.Messages.TimeWords.Date(intake.NeededBy)}.");
        }
        return await ActAsync(id, user, (u, _) => RequestAccess.CanSteer(u), RequestAccess.CanExtendNeededBy,
            (_, now) => new ExtendNeededBy(neededBy, user.Email, now), ct, snapshot);
    }

    /// <summary>
    /// Sends the command when <paramref name="who"/> lets the user act on this request (else 403) and <paramref name="when"/>
    /// says the request can take it now (else "moved on": the page was older than the request).
    /// </summary>
    private async Task<RequestResult> ActAsync(
        string id, CurrentUser user, Func<CurrentUser, RequestState, bool> who, Func<RequestState, bool> when,
        Func<RequestState, DateTimeOffset, RequestCommand> command, CancellationToken ct, RequestSnapshot? known = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = known ?? await workflow.LoadAsync(id, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted || !RequestAccess.CanView(user, snapshot.State)) return new RequestResult.Missing();
        if (!who(user, snapshot.State)) return new RequestResult.Forbidden();
        if (!when(snapshot.State)) return new RequestResult.MovedOn(MovedOnText);
        try
        {
            return await workflow.SendAsync(id, command(snapshot.State, clock.GetUtcNow()), ct) switch
            {
                // A late answer is kept in the history but decides nothing: the step was superseded meanwhile.
                CommandOutcome.Accepted { Events: var events } when events.Count == 0 || events.Any(e => e is LateAnswerRecorded) =>
                    new RequestResult.MovedOn(MovedOnText),
                CommandOutcome.Accepted accepted => new RequestResult.Done(id, accepted.Expected.Status),
                _ => new RequestResult.Missing(),
            };
        }
        catch (DomainException e)
        {
            return new RequestResult.MovedOn(e.Message);
        }
    }

    private static bool OwnsACandidate(CurrentUser user, RequestState state) => state.Candidates.Any(c => user.Is(c.Account.OwnerEmail));
}
