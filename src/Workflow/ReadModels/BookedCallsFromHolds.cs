using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// The reference calls ReferenceFlow itself booked: the slot of each request holding the contact, read from its history
/// (decision 028), so a contact is never double-booked and a call let go is free at once.
/// </summary>
public sealed class BookedCallsFromHolds(IReferenceDirectory directory, ContactHolder holder) : IBookedCalls
{
    public async Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var snapshot = await directory.SnapshotAsync(cancellationToken);
        // One person may be a contact at more than one account: their calls for any of them are booked.
        var contacts = snapshot.Accounts.SelectMany(a => a.Contacts
            .Where(c => string.Equals(c.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(c => new ContactKey(a.ReferenceId, c.ContactId)));
        return [.. (await holder.HoldersAsync(contacts, cancellationToken))
            .Select(h => h.Holder.Slot)
            .OfType<ProposedSlot>()
            .Select(slot => new BusyInterval(slot.Start, slot.End))
            .Where(b => b.Overlaps(from, to))];
    }
}
