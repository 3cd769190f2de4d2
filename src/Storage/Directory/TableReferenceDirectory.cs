using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Domain.References;

using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The directory in one Azure Table: a single partition, one row per account (the account document as JSON, its
/// contacts included), and beside it a log of which accounts each write changed (<see cref="DirectoryChanges"/>).
/// Reads that need the whole directory share one <see cref="DirectorySnapshot"/> per version: a look at the version
/// row, and after a change a read of the changed accounts only; a full read on the first use, or when the log cannot say.
/// </summary>
public sealed class TableReferenceDirectory(TableClient table) : IReferenceDirectory
{
    private readonly AsyncOnce _created = new(async ct => await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false));
    private const string Partition = "account";

    // Past this many changes (an import of some 20,000 accounts read on another host), one full read is as cheap as a query each.
    private const int MaxChangesToCatchUp = 100;

    private readonly DirectoryChanges _changes = new(table);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile DirectorySnapshot? _snapshot;

    public async Task<ReferenceAccount?> GetAsync(string referenceId, CancellationToken cancellationToken = default)
    {
        // An id that cannot be a key (blank, too long, a '/') is one nothing was stored under: not found, not a failure.
        if (!KeyEncoding.FitsAsIs(referenceId)) return null;
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, referenceId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    public async Task<IReadOnlyList<ReferenceAccount>> RangeAsync(string firstId, string lastId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<ReferenceAccount>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {firstId} and RowKey le {lastId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Document"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(Read(entity));
        }
        return accounts;
    }

    public async Task<IReadOnlyList<ReferenceAccount>> ListAsync(ReferenceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Accounts.Where(filter.Matches).ToList();
    }

    public async Task<DirectoryPage> PageAsync(ReferenceFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var after = continuation is null ? ((string Name, string Id)?)null : DirectoryOrder.TryReadToken(continuation)
            ?? throw new ArgumentException("Not a directory page token.", nameof(continuation));
        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ReferenceAccount>(pageSize);
        var total = 0;
        var more = false;
        foreach (var account in snapshot.Accounts)
        {
            if (!filter.Matches(account)) continue;
            total++;
            if (after is { } key && !DirectoryOrder.IsAfter(account, key)) continue;
            if (items.Count < pageSize) items.Add(account);
            else more = true;
        }
        return new DirectoryPage(items, total, more ? DirectoryOrder.TokenAfter(items[^1]) : null);
    }

    public async Task<DirectorySnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var version = await _changes.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_snapshot is { } known && known.Version == version) return known;
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A look begun before a change this host has since applied answers an older number; a host of an earlier
            // version moving the version row answers 0. Look again to tell which.
            if (_snapshot is { } ahead && version < ahead.Version) version = await _changes.LookAgainAsync(cancellationToken).ConfigureAwait(false);
            if (_snapshot is { } loaded && loaded.Version == version) return loaded;
            // Read after the version: a write that lands meanwhile records a later change, which the next read applies.
            return _snapshot = await CaughtUpAsync(_snapshot, version, cancellationToken).ConfigureAwait(false)
                ?? new DirectorySnapshot(version, await ReadAllAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The snapshot with the accounts changed since it read again, or null when only a full read will do.</summary>
    private async Task<DirectorySnapshot?> CaughtUpAsync(DirectorySnapshot? known, long version, CancellationToken cancellationToken)
    {
        if (known is null || version < known.Version || version - known.Version > MaxChangesToCatchUp) return null;
        if (await _changes.RangesAsync(known.Version, version, cancellationToken).ConfigureAwait(false) is not { } ranges) return null;
        var changed = new List<ReferenceAccount>();
        foreach (var (first, last) in ranges)
        {
            changed.AddRange(await RangeAsync(first, last, cancellationToken).ConfigureAwait(false));
        }
        return known.With(version, changed);
    }

    private async Task<List<ReferenceAccount>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<ReferenceAccount>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
                           select: ["Document"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(Read(entity));
        }
        return accounts;
    }

    public async Task<bool> UpsertAsync(ReferenceAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = Row(account);
        bool created;
        try
        {
            // Add first: a conflict means "replace", which tells created from updated in one round trip.
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            created = true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            created = false;
        }
        await RecordChangeAsync(account.ReferenceId, account.ReferenceId, cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task UpsertManyAsync(IReadOnlyList<ReferenceAccount> accounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0) return;
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        // One transaction per chunk (the table service takes at most 100 rows and 4 MiB in one), then one change recorded.
        var rows = accounts.GroupBy(a => a.ReferenceId, StringComparer.Ordinal).Select(g => Row(g.Last())).ToList();
        foreach (var chunk in AccountTransactions.Chunks(rows))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)),
                cancellationToken).ConfigureAwait(false);
        }
        var ids = rows.Select(r => r.RowKey).Order(StringComparer.Ordinal).ToList();
        await RecordChangeAsync(ids[0], ids[^1], cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity Row(ReferenceAccount account) => new(Partition, account.ReferenceId)
    {
        ["Account"] = account.Account,
        ["Industry"] = account.Industry.ToUpperInvariant(),
        ["Country"] = account.Country.ToUpperInvariant(),
        ["Status"] = account.Status.ToString(),
        ["Owner"] = account.OwnerEmail.ToUpperInvariant(),
        ["Document"] = JsonSerializer.Serialize(account, DirectoryJson.Options),
    };

    /// <summary>
    /// After the accounts: whoever sees the change also reads them. This host's snapshot, when it has one, then catches up
    /// at once in the background, so that the next page finds it current rather than reading the change itself (an
    /// import's batches are caught up one by one as they land, not all at the first page after it).
    /// </summary>
    private async Task RecordChangeAsync(string firstId, string lastId, CancellationToken cancellationToken)
    {
        await _changes.RecordAsync(firstId, lastId, cancellationToken).ConfigureAwait(false);
        if (_snapshot is not null) _ = CatchUpQuietlyAsync();
    }

    private async Task CatchUpQuietlyAsync()
    {
        try
        {
            await SnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFaults.IsOutage(e))
        {
            // The next read catches up itself.
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            return false;
        }
        return true;
    }

    private static ReferenceAccount Read(TableEntity entity) =>
        JsonSerializer.Deserialize<ReferenceAccount>(entity.GetString("Document"), DirectoryJson.Options)
        ?? throw new InvalidDataException($"Reference account row {entity.RowKey} has no document.");

    private Task EnsureTableAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);
}
