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
