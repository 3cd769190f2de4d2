using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Nominations;
using ReferenceFlow.Workflow.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>
/// Nominations for endpoints and pages alike: anyone signed in proposes and sees their own; the program manager sees all,
/// approves (which starts the contact's invitation) or declines. Nothing here writes the directory: only the contact's yes does.
/// </summary>
public sealed class NominationService(NominationStore store, IReferenceDirectory directory, NominationInvitations invitations, TimeProvider clock)
{
    public async Task<NominationResult> ProposeAsync(NominationProposal proposal, CurrentUser user, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(user);
        // Scoped to the user as a request's key is: the same key from another user is another nomination.
        var key = idempotencyKey is null ? null : Requests.RequestService.IdFor(user, idempotencyKey);
        if (key is not null && await store.FindByKeyAsync(key, ct) is { } again) return new NominationResult.Done(NominationViews.For(user, again), Created: false);

        var errors = new FieldErrors();
        var accountName = proposal.NewAccount?.Account;
        if (proposal.ReferenceId is { } referenceId)
        {
            var account = await directory.GetAsync(referenceId, ct);
            if (account is null) errors.Add("referenceId", $"No reference account '{referenceId}'; give the account instead to propose a new one.");
            else if (account.Contacts.Any(c => c.ContactId == proposal.Contact.ContactId))
                errors.Add("contact.contactId", $"{(user.IsProgramManager ? account.Account : "That account")} already has a contact '{proposal.Contact.ContactId}'; choose another id.");
            accountName = account?.Account;
        }
        if (errors.Any) return new NominationResult.Invalid(errors);

        var email = proposal.Contact.Email;
        var known = (await directory.SnapshotAsync(ct)).Accounts
            .SelectMany(a => a.Contacts.Select(c => (Account: a, Contact: c)))
            .FirstOrDefault(x => string.Equals(x.Contact.Email, email, StringComparison.OrdinalIgnoreCase));
        // Only the program manager, who may read the directory and every nomination, hears who and where: anyone else
        // learns that the address is taken, not whose it is.
        if (known.Contact is not null)
            return new NominationResult.Conflict(user.IsProgramManager
                ? $"{email} is already in the directory: {known.Contact.Name} at {known.Account.Account} ({known.Account.ReferenceId})."
                : "This contact is already in the directory.");
        if ((await store.OpenForEmailAsync(email, ct)).FirstOrDefault() is { } open)
            return new NominationResult.Conflict(user.IsProgramManager
                ? $"{email} is already nominated ({open.Id}, {open.State}) and waiting on an answer."
                : "This contact is already nominated and waiting on an answer.");

        var now = clock.GetUtcNow();
        var nomination = Nomination.Propose(NominationStore.NewId(now), proposal.Source, proposal.Reason, proposal.Quote,
            proposal.ReferenceId ?? proposal.NewAccount!.ReferenceId, accountName!, proposal.NewAccount, proposal.Contact, user.Email, now);
        var (stored, created) = await store.CreateAsync(nomination, key, ct);
        return new NominationResult.Done(NominationViews.For(user, stored), created);
    }

    /// <summary>The nomination when the user may see it: the program manager, or whoever proposed it.</summary>
    public async Task<Nomination?> GetAsync(string id, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var nomination = await store.GetAsync(id, ct);
        return nomination is not null && CanView(user, nomination) ? NominationViews.For(user, nomination) : null;
    }

    /// <summary>A page of nominations, newest first: the program manager's all of them, anyone else's their own.</summary>
    public async Task<(IReadOnlyList<Nomination> Items, string? Continuation)> ListAsync(
        NominationState? state, CurrentUser user, int pageSize, string? continuation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (items, next) = await store.PageAsync(state, user.IsProgramManager ? null : user.Email, pageSize, continuation, ct);
        return (items.Select(n => NominationViews.For(user, n)).ToList(), next);
    }

    /// <summary>Approves and starts the contact's invitation. Approving an invited nomination again only makes sure its invitation runs.</summary>
    public async Task<NominationResult> ApproveAsync(string id, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var approved = await store.UpdateAsync(id, n => n.State == NominationState.Invited ? n : n.Approve(user.Email, now, invitations.ExpiresAt(now)), ct);
        if (approved is null) return new NominationResult.Missing();
        await invitations.StartAsync(id, approved.DecidedAt!.Value, ct);
        return new NominationResult.Done(approved, Created: false);
    }

    public async Task<NominationResult> DeclineAsync(string id, string reason, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var declined = await store.UpdateAsync(id, n => n.Decline(user.Email, reason, clock.GetUtcNow()), ct);
        return declined is null ? new NominationResult.Missing() : new NominationResult.Done(declined, Created: false);
    }

    public static bool CanView(CurrentUser user, Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(nomination);
        return user.IsProgramManager || user.Is(nomination.ProposedBy);
    }
}

/// <summary>What a nomination command came to.</summary>
public abstract record NominationResult
{
    private NominationResult() { }

    public sealed record Done(Nomination Nomination, bool Created) : NominationResult;

    public sealed record Invalid(FieldErrors Errors) : NominationResult;

    /// <summary>The contact is in the directory or nominated already.</summary>
    public sealed record Conflict(string Message) : NominationResult;

    public sealed record Missing : NominationResult;
}
