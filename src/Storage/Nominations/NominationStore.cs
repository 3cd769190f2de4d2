using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Storage.Nominations;

/// <summary>
/// Nominations in <c>{prefix}nominations</c>: one row per nomination in one partition, its id sorting newest first, the
/// whole nomination as a JSON document beside the columns lists filter on. Every change is a read and a write that must
/// find the row as it was read (ETag), so a contact's answer, a reminder and the timeout never overwrite each other.
/// A POST's idempotency key is a row of its own naming the nomination it created.
/// </summary>
public sealed class NominationStore(StorageLayout layout)
{
    private const string Partition = "n";
    private const string KeyPartition = "key";
    private const int IdLength = 24;

    private TableClient Table => layout.Table(layout.Names.Nominations);

    /// <summary>A new id: the time inverted, so the table lists newest first, and a random tail.</summary>
    public static string NewId(DateTimeOffset now) =>
        (long.MaxValue - now.UtcTicks).ToString("x16", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>Ids are ours (hex of a fixed length); anything else names no nomination, not a malformed query.</summary>
    public static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    public async Task<Nomination?> GetAsync(string id, CancellationToken ct) => (await ReadAsync(id, ct).ConfigureAwait(false))?.Nomination;

    /// <summary>
    /// Stores a new nomination. With <paramref name="idempotencyKey"/> (already scoped to its sender), the same key again
    /// answers the nomination it created first, and false.
    /// </summary>
    public async Task<(Nomination Nomination, bool Created)> CreateAsync(Nomination nomination, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var id = nomination.Id;
        if (idempotencyKey is not null)
        {
            try
            {
                await Table.AddEntityAsync(new TableEntity(KeyPartition, KeyFor(idempotencyKey)) { ["Id"] = id }, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var row = await Table.GetEntityAsync<TableEntity>(KeyPartition, KeyFor(idempotencyKey), cancellationToken: ct).ConfigureAwait(false);
                id = row.Value.GetString("Id")!;
                // A first attempt that stopped after its key row: this attempt finishes it, under the id the key names.
                if (await GetAsync(id, ct).ConfigureAwait(false) is { } existing) return (existing, false);
                nomination = nomination with { Id = id };
            }
        }
        try
        {
            await Table.AddEntityAsync(Row(nomination), ct).ConfigureAwait(false);
            return (nomination, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await GetAsync(id, ct).ConfigureAwait(false))!, false);
        }
    }

    /// <summary>The id an idempotency key already names, or null.</summary>
    public async Task<Nomination?> FindByKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, KeyFor(idempotencyKey), ["Id"], ct).ConfigureAwait(false);
        return row.HasValue ? await GetAsync(row.Value!.GetString("Id")!, ct).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the nomination as stored and writes the result, again from a fresh read when
    /// someone wrote it meanwhile. A change that returns the nomination it was given writes nothing. Null when there is no
    /// such nomination; whatever <paramref name="change"/> throws (a state that does not allow it) is thrown.
    /// </summary>
    public async Task<Nomination?> UpdateAsync(string id, Func<Nomination, Nomination> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadAsync(id, ct).ConfigureAwait(false) is not { } read) return null;
            var changed = change(read.Nomination);
            if (ReferenceEquals(changed, read.Nomination)) return changed;
            try
            {
                await Table.UpdateEntityAsync(Row(changed), read.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 20)
            {
                // Written meanwhile: decide again on what is there now.
            }
        }
    }

    /// <summary>A page of nominations, newest first, after <paramref name="continuation"/>; optionally one state, one proposer.</summary>
    public async Task<(IReadOnlyList<Nomination> Items, string? Continuation)> PageAsync(
        NominationState? state, string? proposedBy, int pageSize, string? continuation, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var after = continuation is null ? "" : PageToken.TryDecode(continuation) ?? throw new ArgumentException("Not a nomination page token.", nameof(continuation));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {after}");
        if (state is { } s) filter += " and " + TableClient.CreateQueryFilter($"State eq {s.ToString()}");
        if (proposedBy is not null) filter += " and " + TableClient.CreateQueryFilter($"ProposedBy eq {proposedBy.Trim().ToUpperInvariant()}");
        var items = new List<Nomination>(pageSize);
        var more = false;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(pageSize + 1, 1000), select: ["Document"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (items.Count == pageSize) { more = true; break; }
            items.Add(Read(row));
        }
        return (items, more ? PageToken.Encode(items[^1].Id) : null);
    }

    /// <summary>Whether a continuation is one this list gave out.</summary>
    public static bool IsPageToken(string token) => IsId(PageToken.TryDecode(token));

    /// <summary>Nominations of this contact email still waiting on someone (proposed or invited).</summary>
    public async Task<IReadOnlyList<Nomination>> OpenForEmailAsync(string email, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Email eq {email.Trim().ToUpperInvariant()}");
        var open = new List<Nomination>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Document"], cancellationToken: ct).ConfigureAwait(false))
        {
            var nomination = Read(row);
            if (nomination.State is NominationState.Proposed or NominationState.Invited) open.Add(nomination);
        }
        return open;
    }

    private async Task<(Nomination Nomination, ETag ETag)?> ReadAsync(string id, CancellationToken ct)
    {
        if (!IsId(id)) return null;
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, ["Document"], ct).ConfigureAwait(false);
        return row.HasValue ? (Read(row.Value!), row.Value!.ETag) : null;
    }

    private static TableEntity Row(Nomination n) => new(Partition, n.Id)
    {
        ["State"] = n.State.ToString(),
        ["ProposedBy"] = n.ProposedBy.ToUpperInvariant(),
        ["Email"] = n.Contact.Email.ToUpperInvariant(),
        ["Document"] = JsonSerializer.Serialize(n, DirectoryJson.Options),
    };

    private static Nomination Read(TableEntity row) =>
        JsonSerializer.Deserialize<Nomination>(row.GetString("Document"), DirectoryJson.Options)
        ?? throw new InvalidDataException($"Nomination row {row.RowKey} has no document.");

    private static string KeyFor(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
