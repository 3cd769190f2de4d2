using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

public sealed class UsageReader : IUsageReader
{
    private readonly StorageLayout _layout;

    public UsageReader(StorageLayout layout)
    {
        _layout = layout;
        _refresh = new SharedRead<IReadOnlyList<ContactUsage>>(RefreshAsync);
    }

    /// <summary>
    /// How far back each refresh looks past the newest row it saw: a write the service stamped before that row but
    /// committed after the last read is still found. Rows are keyed, so reading one twice changes nothing.
    /// </summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private readonly SharedRead<IReadOnlyList<ContactUsage>> _refresh;
    private readonly Dictionary<(string Partition, string Row), ContactUsage> _known = [];
    private IReadOnlyList<ContactUsage> _every = [];
    private DateTimeOffset? _newestSeen;

    private TableClient Table => _layout.Table(_layout.Names.Usage);

    // Callers at the same moment share one refresh: under load that is one query, not one per submission.
    public Task<IReadOnlyList<ContactUsage>> EveryContactAsync(CancellationToken ct) => _refresh.ReadAsync(ct);

    private async Task<IReadOnlyList<ContactUsage>> RefreshAsync()
    {
        await _layout.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        var query = _newestSeen is { } seen
            ? Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp ge {seen - Overlap}"))
            : Table.QueryAsync<TableEntity>();
        var changed = false;
        var newest = _newestSeen;
        await foreach (var row in query.ConfigureAwait(false))
        {
            if (row.Timestamp is { } stamp && (newest is null || stamp > newest)) newest = stamp;
            var usage = UsageTable.FromRow(row);
            if (!Enum.TryParse<Activity>(usage.Activity, out var activity)) continue;
            var use = new ContactUsage(usage.ReferenceId, usage.ContactId, usage.RequestId, activity, usage.At);
            if (!_known.TryGetValue((row.PartitionKey, row.RowKey), out var before) || before != use)
            {
                _known[(row.PartitionKey, row.RowKey)] = use;
                changed = true;
            }
        }
        _newestSeen = newest;
        if (changed)
        {
            _every = _known.Values.OrderBy(u => u.At).ToArray();
        }
        return _every;
    }

    public async Task<IReadOnlyList<ContactUsage>> ForContactsAsync(
        IEnumerable<(string ReferenceId, string ContactId)> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await _layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = new List<ContactUsage>();
        foreach (var (referenceId, contactId) in contacts.Distinct())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageTable.Partition(referenceId, contactId)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
            {
                var usage = UsageTable.FromRow(row);
                if (Enum.TryParse<Activity>(usage.Activity, out var activity))
                {
                    found.Add(new ContactUsage(usage.ReferenceId, usage.ContactId, usage.RequestId, activity, usage.At));
                }
            }
        }
        return found.OrderBy(u => u.At).ToArray();
    }

    public async Task<IReadOnlyList<UsageRecord>> AllAsync(DateTimeOffset? since, CancellationToken ct)
    {
        await _layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var query = since is { } from
            ? Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"At ge {from}"), cancellationToken: ct)
            : Table.QueryAsync<TableEntity>(cancellationToken: ct);
        var found = new List<UsageRecord>();
        await foreach (var row in query.ConfigureAwait(false))
        {
            found.Add(UsageTable.FromRow(row));
        }
        return found.OrderBy(u => u.At).ToArray();
    }
}
