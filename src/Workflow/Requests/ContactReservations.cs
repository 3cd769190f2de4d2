using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// Reserves the contact a request is about to ask, so no two requests ask one contact at once and no contact goes over
/// their cap (decision 019): the contact is held first (a conditional write), then their uses this quarter are read
/// again — a request that finished a call with them writes its use before it lets them go, so the count read while
/// holding is complete. Matching and the candidate check choose from what they read a moment earlier; this has the last word.
/// </summary>
public sealed class ContactReservations(
    ContactHolds holds, ContactClaims claims, IUsageReader usage, IReferenceDirectory directory, RequestStore requests, WorkflowPolicy policy)
{
    /// <summary>True when <paramref name="contact"/> is now held for <paramref name="requestId"/> and under their cap.</summary>
    public async Task<bool> TryReserveAsync(string requestId, ContactKey contact, DateTimeOffset at, CancellationToken ct)
    {
        if (!await holds.TryHoldAsync(contact, requestId, holder => StillHoldsAsync(holder, contact, ct), ct)) return false;
        if (await UnderCapAsync(requestId, contact, at, ct)) return true;
        await holds.ReleaseAsync(contact, requestId, ct);
        return false;
    }

    /// <summary>Lets <paramref name="contact"/> go, if <paramref name="requestId"/> holds them; the next request may choose them at once.</summary>
    public async Task ReleaseAsync(ContactKey contact, string requestId, CancellationToken ct)
    {
        await holds.ReleaseAsync(contact, requestId, ct);
        claims.Drop(contact);
    }

    private async Task<bool> UnderCapAsync(string requestId, ContactKey contact, DateTimeOffset at, CancellationToken ct)
    {
        // The directory as matching read it a moment ago, at its current version: a burst shares one look at the version.
        var person = (await directory.SnapshotAsync(ct)).Find(contact.ReferenceId)?.Contacts.FirstOrDefault(c => c.ContactId == contact.ContactId);
        if (person is null) return false; // left the directory since the match
        var uses = await usage.ForContactsAsync([(contact.ReferenceId, contact.ContactId)], ct);
        // This request's own use (a rerun after its call) is not another request's.
        return UsageIndex.Build(uses.Where(u => u.RequestId != requestId), at).For(contact).ThisQuarter < Eligibility.Cap(person, policy);
    }

    /// <summary>Asked only of a hold older than <see cref="ContactHolds.Abandoned"/>: a holder with no history by then never started.</summary>
    private async Task<bool> StillHoldsAsync(string holder, ContactKey contact, CancellationToken ct) =>
        await requests.LoadAsync(holder, ct) is { } snapshot && snapshot.State.ReservedContacts.Contains(contact);
}
