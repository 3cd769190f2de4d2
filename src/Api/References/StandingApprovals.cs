using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.References;

/// <summary>
/// Setting and revoking an account's standing approval, for the API and the pages alike: the account's owner or the
/// program manager only. Each ask reads the account as it is then, so a change applies from the next ask.
/// </summary>
public sealed class StandingApprovals(IReferenceDirectory directory, TimeProvider clock)
{
    public async Task<StandingApprovalChange> SetAsync(string referenceId, StandingApprovalDto dto, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(user);
        var (account, refused) = await AccountFor(referenceId, user, ct);
        if (account is null) return refused!;
        var errors = new FieldErrors();
        var rule = StandingApprovalInput.Validate(dto, account, user.Email, clock.GetUtcNow(), errors);
        if (rule is null) return new StandingApprovalChange.Invalid(errors);
        var changed = account with { StandingApproval = rule };
        await directory.UpsertAsync(changed, ct);
        return new StandingApprovalChange.Done(changed);
    }

    public async Task<StandingApprovalChange> RevokeAsync(string referenceId, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (account, refused) = await AccountFor(referenceId, user, ct);
        if (account is null) return refused!;
        if (account.StandingApproval is not null) await directory.UpsertAsync(account with { StandingApproval = null }, ct);
        return new StandingApprovalChange.Done(account with { StandingApproval = null });
    }

    /// <summary>
    /// The contact an owner approving an ask for <paramref name="asked"/> may say "from now on" for, or null: offered only
    /// to the account's owner, on an account not marked Caution that has no rule yet (a rule they set is theirs to widen
    /// on the account page). Reads the account as it is now, not as the request matched it.
    /// </summary>
    public async Task<string?> FromNowOnOfferAsync(Candidate asked, string ownerEmail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var account = await directory.GetAsync(asked.ReferenceId, ct);
        return account is not null && MayOfferFromNowOn(account, ownerEmail) ? asked.Contact.Name : null;
    }

    /// <summary>
    /// The owner's "from now on", ticked as they approved an ask: asks for that contact go straight to them, within their
    /// caps, each with the owner's FYI and its link to stop. False when the offer no longer holds (another owner, Caution,
    /// a rule set meanwhile): the approval stands either way.
    /// </summary>
    public async Task<bool> SetFromNowOnAsync(Candidate asked, string ownerEmail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var account = await directory.GetAsync(asked.ReferenceId, ct);
        if (account is null || !MayOfferFromNowOn(account, ownerEmail)) return false;
        var rule = new StandingApproval([asked.ContactId], null, null, null, account.OwnerEmail, clock.GetUtcNow());
        await directory.UpsertAsync(account with { StandingApproval = rule }, ct);
        return true;
    }

    private static bool MayOfferFromNowOn(ReferenceAccount account, string ownerEmail) =>
        account.StandingApproval is null && account.Status == AccountStatus.Active
        && string.Equals(account.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="user"/> may change the standing approval of <paramref name="account"/>.</summary>
    public static bool MayChange(CurrentUser user, ReferenceAccount account)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(account);
        return user.IsProgramManager || user.Is(account.OwnerEmail);
    }

    private async Task<(ReferenceAccount? Account, StandingApprovalChange? Refused)> AccountFor(string referenceId, CurrentUser user, CancellationToken ct) =>
        await directory.GetAsync(referenceId, ct) switch
        {
            null => (null, new StandingApprovalChange.NotFound()),
            var account when !MayChange(user, account) => (null, new StandingApprovalChange.Forbidden()),
            var account => (account, null),
        };
}

public abstract record StandingApprovalChange
{
    private StandingApprovalChange() { }

    public sealed record NotFound : StandingApprovalChange;

    public sealed record Forbidden : StandingApprovalChange;

    public sealed record Invalid(FieldErrors Errors) : StandingApprovalChange;

    /// <summary>The account as it now stands.</summary>
    public sealed record Done(ReferenceAccount Account) : StandingApprovalChange;
}
