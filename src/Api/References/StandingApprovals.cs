using Microsoft.Extensions.Logging;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.References;

/// <summary>
/// Setting and revoking an account's standing approval, for the API and the pages alike: the account's owner or the
/// program manager only. Each ask reads the account as it is then, so a change applies from the next ask.
/// </summary>
public sealed partial class StandingApprovals(IReferenceDirectory directory, TimeProvider clock, ILogger<StandingApprovals> logger)
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
    /// The name of the contact an owner approving an ask for them may say "from now on" for (decision 051), or null when
    /// that is not offered (<see cref="StandingApproval.FromNowOn"/> says when). Reads the account as it is now.
    /// </summary>
    public async Task<string?> FromNowOnOfferAsync(string referenceId, string contactId, string ownerEmail, CancellationToken ct) =>
        await directory.GetAsync(referenceId, ct) is { } account && StandingApproval.FromNowOn(account, contactId, ownerEmail, clock.GetUtcNow()) is not null
            ? account.Contacts.First(c => c.ContactId == contactId).Name
            : null;

    /// <summary>
    /// The owner's "from now on", ticked as they approved an ask, set once the approval is recorded: asks for that contact
    /// go straight to them, within their caps, each with the owner's FYI and its link to stop. The contact's name, or null
    /// when the offer no longer holds (another owner, Caution, a rule changed meanwhile) or the directory could not be
    /// written: the approval stands either way, and its page must not become an error page.
    /// </summary>
    public async Task<string?> TrySetFromNowOnAsync(string referenceId, string contactId, string ownerEmail, CancellationToken ct)
    {
        try
        {
            var account = await directory.GetAsync(referenceId, ct);
            if (account is null || StandingApproval.FromNowOn(account, contactId, ownerEmail, clock.GetUtcNow()) is not { } rule) return null;
            await directory.UpsertAsync(account with { StandingApproval = rule }, ct);
            return account.Contacts.First(c => c.ContactId == contactId).Name;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFromNowOnFailed(logger, e, referenceId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An approval is recorded; the standing approval its owner asked for on {ReferenceId} could not be set")]
    private static partial void LogFromNowOnFailed(ILogger logger, Exception exception, string referenceId);

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
