using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Which request holds each contact: one row per held contact (PartitionKey = contact), written with a conditional
/// insert, so two requests choosing the same contact at the same instant cannot both have them (decision 019). The
/// summaries' held rows say the same a moment later, for reading; this table is where the choice is made.
/// </summary>
public sealed class ContactHolds(StorageLayout layout, TimeProvider clock)
{
    /// <summary>
    /// A hold that old whose request no longer holds the contact was left by a submission that died between holding and
    /// starting its request: it is taken over. Long enough that a request still applying its first decision keeps it.
    /// </summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    private TableClient Table => layout.Table(layout.Names.Holds);

    /// <summary>
    /// Holds <paramref name="contact"/> for <paramref name="requestId"/>: true when it is now (or already was) this request's,
    /// false when another request holds it and <paramref name="stillHolds"/> confirms that request still does.
    /// </summary>
    public async Task<bool> TryHoldAsync(ContactKey contact, string requestId, Func<string, Task<bool>> stillHolds, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(stillHolds);
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
            if (clock.GetUtcNow() - since < Abandoned || await stillHolds(by ?? "").ConfigureAwait(false)) return false;
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

    /// <summary>Every contact held now: one row each, however many requests there were.</summary>
    public Task<IReadOnlySet<ContactKey>> AllAsync(CancellationToken ct) => HeldAsync(null, ct);

    /// <summary>
    /// The contacts held for less than <see cref="Abandoned"/>: the holds the summaries may not show yet (a request's held
    /// row is written when its decision is applied, seconds later in a burst). Older holds are in the summaries, or leaked.
    /// </summary>
    public Task<IReadOnlySet<ContactKey>> RecentAsync(CancellationToken ct) =>
        HeldAsync(TableClient.CreateQueryFilter($"Since ge {clock.GetUtcNow() - Abandoned}"), ct);

    private async Task<IReadOnlySet<ContactKey>> HeldAsync(string? filter, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var held = new HashSet<ContactKey>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["ReferenceId", "ContactId"], cancellationToken: ct).ConfigureAwait(false))
        {
            held.Add(new ContactKey(row.GetString("ReferenceId") ?? "", row.GetString("ContactId") ?? ""));
        }
        return held;
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
