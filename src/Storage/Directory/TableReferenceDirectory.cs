using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Domain.References;

using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The directory in one Azure Table: a single partition, one row per account (the account document as JSON, its
/// contacts included), and a version row that every write moves on. Reads that need the whole directory share one
/// <see cref="DirectorySnapshot"/> per version: a look at the version row, and a full read only after a change.
/// </summary>
public sealed class TableReferenceDirectory(TableClient table) : IReferenceDirectory
{
    private readonly AsyncOnce _created = new(async ct => await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false));
    private const string Partition = "account";
    private const string VersionPartition = "directory";
    private const string VersionRow = "version";
    private readonly SemaphoreSlim _loading = new(1, 1);

    // Submissions at the same moment share one look at the version row (the ETag, which every write of it changes).
    private readonly SharedRead<string> _version = new(async () =>
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, VersionRow, ["RowKey"]).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ETag.ToString() : "";
    });
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
        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        if (_snapshot is { } known && known.Version == version) return known;
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot is { } loaded && loaded.Version == version) return loaded;
            // Read after the version: a write that lands meanwhile moves the version on, so the next read loads again.
            var accounts = new List<ReferenceAccount>();
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
                               select: ["Document"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                accounts.Add(Read(entity));
            }
            return _snapshot = new DirectorySnapshot(version, accounts);
        }
        finally
        {
            _loading.Release();
        }
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
        await MoveVersionAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task UpsertManyAsync(IReadOnlyList<ReferenceAccount> accounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0) return;
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        // One transaction per chunk (the table service takes at most 100 rows and 4 MiB in one), then one version move.
        var rows = accounts.GroupBy(a => a.ReferenceId, StringComparer.Ordinal).Select(g => Row(g.Last())).ToList();
        foreach (var chunk in TransactionChunks(rows))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)),
                cancellationToken).ConfigureAwait(false);
        }
        await MoveVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    private const int RowsPerTransaction = 100;
    // Of documents: each is JSON inside the request's JSON, its quotes escaped, so the request is about a third larger; the table service refuses more than 4 MiB.
    private const long BytesPerTransaction = 2_000_000;

    private static IEnumerable<List<TableEntity>> TransactionChunks(IEnumerable<TableEntity> rows)
    {
        var chunk = new List<TableEntity>();
        long bytes = 0;
        foreach (var row in rows)
        {
            var size = Encoding.UTF8.GetByteCount(row.GetString("Document"));
            if (chunk.Count == RowsPerTransaction || (chunk.Count > 0 && bytes + size > BytesPerTransaction))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }
            chunk.Add(row);
            bytes += size;
        }
        if (chunk.Count > 0) yield return chunk;
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

    /// <summary>After the accounts: whoever sees the new version also sees them.</summary>
    private async Task MoveVersionAsync(CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(VersionPartition, VersionRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _version.Forget(); // a read begun before this write must not answer for reads after it
    }

    /// <summary>The version row's ETag, which the table service changes on every write of it.</summary>
    private Task<string> VersionAsync(CancellationToken cancellationToken) => _version.ReadAsync(cancellationToken);

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
