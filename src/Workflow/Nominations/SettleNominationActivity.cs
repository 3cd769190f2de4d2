using Microsoft.DurableTask;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Nominations;

namespace ReferenceFlow.Workflow.Nominations;

/// <summary>
/// Settles a nomination: a yes joins the contact to the directory (consent for a year, with what they chose) and marks it
/// Joined; a no marks it Declined; silence past the timeout marks it Expired. Run again, it finds the contact already in
/// the account by email and adds no second one.
/// </summary>
[DurableTask(NominationNames.Settle)]
public sealed class SettleNominationActivity(NominationStore store, IReferenceDirectory directory) : TaskActivity<SettleInput, NominationState>
{
    public override async Task<NominationState> RunAsync(TaskActivityContext context, SettleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var n = await store.UpdateAsync(input.NominationId, x => input.TimedOut ? x.Expire(input.At) : x, ct);
        if (n is null) throw new InvalidOperationException($"Nomination {input.NominationId} is gone.");
        if (n.State != NominationState.Invited) return n.State;
        switch (n.Answer)
        {
            case { Accepted: true } yes:
                var contactId = await JoinAsync(n, yes, ct);
                return (await store.UpdateAsync(n.Id, x => x.Joined(contactId, input.At), ct))!.State;
            case { Accepted: false }:
                return (await store.UpdateAsync(n.Id, x => x.Refused(input.At), ct))!.State;
            default:
                return n.State;
        }
    }

    /// <summary>Adds the contact to the account (creating a new account), unless a contact with their email is there already.</summary>
    private async Task<string> JoinAsync(Nomination n, NominationAnswer yes, CancellationToken ct)
    {
        var account = await directory.GetAsync(n.ReferenceId, ct);
        if (account?.Contacts.FirstOrDefault(c => string.Equals(c.Email, n.Contact.Email, StringComparison.OrdinalIgnoreCase)) is { } there)
        {
            return there.ContactId;
        }
        var id = account?.Contacts.Any(c => c.ContactId == n.Contact.ContactId) == true ? $"{n.Contact.ContactId}-{n.Id[^4..]}" : n.Contact.ContactId;
        var contact = n.Contact with
        {
            ContactId = id, Activities = yes.Activities, Topics = yes.Topics, MaxCallsPerQuarter = yes.MaxCallsPerQuarter,
            ConsentExpires = Nomination.ConsentUntil(yes.At),
        };
        var joined = account is not null ? account with { Contacts = [.. account.Contacts, contact] }
            : n.NewAccount is { } created ? created with { Contacts = [contact] }
            : throw new InvalidOperationException($"Account {n.ReferenceId} of nomination {n.Id} is no longer in the directory.");
        await directory.UpsertAsync(joined, ct);
        return id;
    }
}
