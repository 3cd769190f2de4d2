using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Which request holds each contact: one row per held contact (PartitionKey = contact), written with a conditional
/// insert, so two requests choosing the same contact at the same instant cannot both have them (decision 019). It is the
/// one record of who is taken: the lock when a request chooses, and what a ranking asks about the contacts it puts first.
/// </summary>
public sealed class ContactHolds(StorageLayout layout, TimeProvider clock)
{
    private TableClient Table => layout.Table(layout.Names.Holds);

    /// <summary>
    /// Holds <paramref name="contact"/> for <paramref name="requestId"/>: true when it is now (or already was) this request's,
    /// false when another request holds it and <paramref name="stands"/> says that hold still stands. One that does not is
    /// taken over (a conditional replace: of several trying at once, one gets it).
    /// </summary>
    public async Task<bool> TryHoldAsync(ContactKey contact, string requestId, Func<ContactHold, Task<bool>> stands, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(stands);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = Row(contact, requestId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await Table.AddEntityAsync(row, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
            var holder = await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct).ConfigureAwait(false);
            if (!holder.HasValue) continue; // released meanwhile: try again
            var by = holder.Value!.GetString(RequestColumn);
            if (by == requestId) return true;
            var since = holder.Value.GetDateTimeOffset(SinceColumn) ?? DateTimeOffset.MinValue;
            if (await stands(new ContactHold(contact, by ?? "", since)).ConfigureAwait(false)) return false;
            try
            {
                await Table.UpdateEntityAsync(row, holder.Value.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Another request took it over or it was released: look again.
            }
        }
        return false;
    }

    /// <summary>Lets <paramref name="contact"/> go, if <paramref name="requestId"/> holds them; a release repeated changes nothing.</summary>
    public async Task ReleaseAsync(ContactKey contact, string requestId, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var key = Partition(contact);
        var holder = await Table.GetEntityIfExistsAsync<TableEntity>(key, "", cancellationToken: ct).ConfigureAwait(false);
        if (!holder.HasValue || holder.Value!.GetString(RequestColumn) != requestId) return;
        try
        {
            await Table.DeleteEntityAsync(key, "", holder.Value.ETag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Taken over or released by another run of the same decision.
        }
    }

    /// <summary>
    /// Who holds each of <paramref name="contacts"/> now, with when they took the hold: one point read each, so asking
    /// about the few contacts a ranking puts first costs the same however many requests are open.
    /// </summary>
    public async Task<IReadOnlyList<ContactHold>> AmongAsync(IEnumerable<ContactKey> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var reads = contacts.Distinct().Select(async contact =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(contact), "", [RequestColumn, SinceColumn], ct).ConfigureAwait(false);
            return row.HasValue && row.Value is { } held
                ? new ContactHold(contact, held.GetString(RequestColumn) ?? "", held.GetDateTimeOffset(SinceColumn) ?? DateTimeOffset.MinValue)
                : null;
        });
        return [.. (await Task.WhenAll(reads).ConfigureAwait(false)).OfType<ContactHold>()];
    }

    private TableEntity Row(ContactKey contact, string requestId) => new(Partition(contact), "")
    {
        ["ReferenceId"] = contact.ReferenceId,
        ["ContactId"] = contact.ContactId,
        [RequestColumn] = requestId,
        [SinceColumn] = clock.GetUtcNow(),
    };

    private static string Partition(ContactKey contact) => UsageTable.Partition(contact.ReferenceId, contact.ContactId);

    private const string RequestColumn = "RequestId";
    private const string SinceColumn = "Since";
}
