using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Reads summaries through the rows laid out for each read (<see cref="SummaryKeys"/>): no read scans the table.</summary>
public sealed class SummaryReader(StorageLayout layout, SummaryBackfill backfill) : ISummaryReader
{
    // Newest keys are digits; ':' sorts right after '9'.
    private const string NewestEnd = ":";

    private TableClient Table => layout.Table(layout.Names.Summaries);

    public async Task<SummaryPage> PageAsync(SummaryQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, SummaryQuery.MaxPageSize);
        await backfill.EnsureAsync(ct).ConfigureAwait(false);
        var after = PageToken.TryDecode(query.Continuation);
        var found = new List<(string Key, RequestSummary Summary)>(query.PageSize + 1);
        var rows = Table.QueryAsync<TableEntity>(ListFilter(query, after), maxPerPage: Math.Min(query.PageSize + 1, 1000), cancellationToken: ct);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            found.Add((row.RowKey, SummaryColumns.FromRow(row)));
            if (found.Count > query.PageSize) break;
        }
        var more = found.Count > query.PageSize;
        var page = found.Take(query.PageSize).ToList();
        return new SummaryPage(page.Select(f => f.Summary).ToList(), more ? PageToken.Encode(page[^1].Key) : null);
    }

    public async Task<int> CountAsync(SummaryQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await backfill.EnsureAsync(ct).ConfigureAwait(false);
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(ListFilter(query with { Continuation = null }, null), select: ["RowKey"], cancellationToken: ct)
                           .ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }

    public async Task<RequestSummary?> GetAsync(string requestId, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(SummaryKeys.Main, KeyEncoding.Encode(requestId), cancellationToken: ct)
            .ConfigureAwait(false);
        return row.HasValue ? SummaryColumns.FromRow(row.Value!) : null;
    }

    public async Task<IReadOnlyList<string>> ForOpportunityAsync(string crmId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(crmId);
        await backfill.EnsureAsync(ct).ConfigureAwait(false);
        var rows = await KeyedAsync(SummaryKeys.Opportunity, crmId, ["RowKey", SummaryColumns.RequestId], ct).ConfigureAwait(false);
        // A request rewritten since '|' was escaped has its row under both keys.
        return rows.Select(row => row.GetString(SummaryColumns.RequestId)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The rows of <paramref name="partition"/> keyed by exactly <paramref name="value"/>, then a request id.</summary>
    private async Task<List<TableEntity>> KeyedAsync(string partition, string value, IEnumerable<string>? select, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        foreach (var (from, to) in SummaryKeys.Ranges(value))
        {
            var range = Table.QueryAsync<TableEntity>(SummaryFilter.Range(partition, from, to), select: select, cancellationToken: ct);
            await foreach (var row in range.ConfigureAwait(false))
            {
                if (row.GetString(SummaryColumns.RequestId) is { } requestId && SummaryKeys.IsRowFor(row.RowKey, value, requestId)) rows.Add(row);
            }
        }
        return rows;
    }

    private static string ListFilter(SummaryQuery query, string? after)
    {
        var filter = SummaryFilter.Range(SummaryKeys.Newest, after ?? "", NewestEnd, after: after is not null);
        if (query.State is { } state) filter += SummaryFilter.And(SummaryColumns.State, state);
        if (query.Requester is { } requester) filter += SummaryFilter.And(SummaryColumns.Requester, requester.Trim().ToUpperInvariant());
        if (query.Open is { } open) filter += SummaryFilter.And(SummaryColumns.Open, open);
        if (query.NeedsAttention is { } attention) filter += SummaryFilter.And(SummaryColumns.NeedsAttention, attention);
        if (query.Person is { } person)
        {
            var who = TableClient.CreateQueryFilter($"{person.Trim().ToUpperInvariant()}");
            var beside = string.Concat(SummaryColumns.WaitingBeside.Select(column => $" or {column} eq {who}"));
            filter += $" and ({SummaryColumns.Owner} eq {who} or {SummaryColumns.WaitingOn} eq {who}{beside})";
        }
        return filter;
    }
}
