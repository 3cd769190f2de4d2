using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Api.Requests;

/// <summary>Who may see and act on a request.</summary>
public static class RequestAccess
{
    /// <summary>The program manager, the requester, and the owners of the candidates' accounts.</summary>
    public static bool CanView(CurrentUser user, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        return CanView(user, state.RequesterEmail, state.Candidates.Select(c => c.Account.OwnerEmail));
    }

    /// <summary><see cref="CanView(CurrentUser, RequestState)"/> from a read model's copy of who was on the request.</summary>
    public static bool CanView(CurrentUser user, string requesterEmail, IEnumerable<string> ownerEmails)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ownerEmails);
        return user.IsProgramManager || user.Is(requesterEmail) || ownerEmails.Any(user.Is);
    }

    /// <summary>Cancel, debrief and outcome belong to the requester and the program manager.</summary>
    public static bool CanAct(CurrentUser user, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        return user.IsProgramManager || (user.IsSalesRep && user.Is(state.RequesterEmail));
    }

    /// <summary>
    /// An owner's approval step open now may be answered by that account's owner, or by the program manager on their
    /// behalf. The owners of other candidates' accounts follow the request; they do not decide for another account.
    /// </summary>
    public static bool CanDecideAsOwner(CurrentUser user, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        return IsOwnerStepOpen(state) && (user.IsProgramManager || user.Is(state.Current!.Account.OwnerEmail));
    }

    /// <summary>
    /// The owner's ask this user may answer now, as that ask sees the request: the current candidate's (its owner, or the
    /// program manager), else one asked in parallel whose account this user owns (decision 041); null when none.
    /// </summary>
    public static RequestState? AskToDecide(CurrentUser user, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        if (CanDecideAsOwner(user, state)) return state;
        return state.IsOpen
            ? state.ParallelAsks.Where(a => !a.OwnerApproved && a.Step is not null && user.Is(state.Candidates[a.CandidateIndex].Account.OwnerEmail))
                .Select(a => state.AskingAt(a.Step!)).FirstOrDefault()
            : null;
    }

    /// <summary>The program manager steers a request: asks the next candidate instead of waiting, gives it more time.</summary>
    public static bool CanSteer(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsProgramManager;
    }

    /// <summary>An owner is asked now: the request is not between candidates.</summary>
    public static bool IsOwnerStepOpen(RequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status == RequestStatus.AwaitingOwnerApproval && state.Step is not null && state.CheckingFrom is null && state.Current is not null;
    }

    /// <summary>
    /// Asking several at once can be turned on while the request still looks for a reference, unless its policy (the one
    /// it was submitted under, else the program's <paramref name="policy"/>) asks one at a time.
    /// </summary>
    public static bool CanAskInParallel(RequestState state, Domain.Policies.WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        return state.IsOpen && state.Status is RequestStatus.AwaitingOwnerApproval or RequestStatus.AwaitingReferenceConsent
            && !state.AsksInParallel && (state.Policy ?? policy).ParallelAsks > 1;
    }

    /// <summary>The need-by date can move while the call is still to be arranged (the decider's rule, asked before offering it).</summary>
    public static bool CanExtendNeededBy(RequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status.IsBeforeTheCall();
    }

    /// <summary>
    /// Contact details: the program manager and the contact's own account owner always (their approval email names the
    /// contact); the requester once that owner approved the current candidate. Nobody else: the owners of other candidates'
    /// accounts may follow the request, not meet another account's people.
    /// </summary>
    public static bool CanSeeContact(CurrentUser user, RequestState state, int candidateIndex)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        var candidate = state.Candidates[candidateIndex];
        return user.IsProgramManager || user.Is(candidate.Account.OwnerEmail) ||
               (user.Is(state.RequesterEmail) && candidateIndex == state.CurrentIndex && state.OwnerApproved);
    }
}
