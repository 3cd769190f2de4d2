using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The directory's change log, in the table's "directory" partition: every write of accounts records the range of ids it
/// wrote as entry n + 1, in one transaction with the version row, which holds n + 1 from then on. A host whose snapshot
/// is at n reads the entries after it and then only the accounts in their ranges (decision 036).
/// </summary>
internal sealed class DirectoryChanges
{
    private const string Partition = "directory";
    private const string VersionRow = "version";
    private const string SequenceColumn = "Sequence";
    private const int MaxAttempts = 50;

    private readonly TableClient _table;

    // Reads at the same moment share one look at the version row.
    private readonly SharedRead<long> _current;

    public DirectoryChanges(TableClient table)
    {
        _table = table;
        _current = new SharedRead<long>(async () =>
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, VersionRow, [SequenceColumn]).ConfigureAwait(false);
            return SequenceOf(row);
        });
    }

    /// <summary>The number of the newest entry (0 before the first write).</summary>
    public Task<long> CurrentAsync(CancellationToken ct) => _current.ReadAsync(ct);

    /// <summary>The number of the newest entry from a look begun now, not one that was on its way.</summary>
    public Task<long> LookAgainAsync(CancellationToken ct)
    {
        _current.Forget();
        return _current.ReadAsync(ct);
    }

    /// <summary>Records a write of the accounts whose ids sort from <paramref name="firstId"/> to <paramref name="lastId"/>;
    /// call it after they are written, so that whoever reads the entry reads them too. Returns the entry's number.</summary>
    public async Task<long> RecordAsync(string firstId, string lastId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, VersionRow, cancellationToken: ct).ConfigureAwait(false);
            var next = SequenceOf(row) + 1;
            var version = new TableEntity(Partition, VersionRow) { [SequenceColumn] = next };
            TableTransactionAction[] actions =
            [
                // The version row's ETag numbers the entries: of two writers that read the same n, one gets n + 1, the other reads again.
                row.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, version, row.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, version),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(Partition, EntryKey(next)) { ["FirstId"] = firstId, ["LastId"] = lastId }),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                _current.Forget(); // a look begun before this write must not answer for reads after it
                return next;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer took the number: read the version again.
            }
        }
    }

    /// <summary>The id ranges of the entries after <paramref name="after"/> up to <paramref name="upTo"/>, or null when one
    /// is missing (the version row was moved without an entry, by a host of an earlier version): then only a full read is right.</summary>
    public async Task<IReadOnlyList<(string FirstId, string LastId)>?> RangesAsync(long after, long upTo, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {EntryKey(after)} and RowKey le {EntryKey(upTo)}");
        var ranges = new List<(string, string)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["FirstId", "LastId"], cancellationToken: ct).ConfigureAwait(false))
        {
            ranges.Add((row.GetString("FirstId"), row.GetString("LastId")));
        }
        return ranges.Count == upTo - after ? ranges.Distinct().ToList() : null;
    }

    private static long SequenceOf(NullableResponse<TableEntity> row) =>
        row.HasValue ? row.Value!.GetInt64(SequenceColumn) ?? 0 : 0;

    // Fixed width, so that entries sort by number.
    private static string EntryKey(long sequence) => FormattableString.Invariant($"change-{sequence:D19}");
}
