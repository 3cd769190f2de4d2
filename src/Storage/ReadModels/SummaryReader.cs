using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Reads summaries through the rows laid out for each read (<see cref="SummaryKeys"/>): no read scans the table.</summary>
public sealed class SummaryReader(StorageLayout layout, SummaryBackfill backfill) : ISummaryReader
{
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
            // The token carries the key past its prefix (as it did before list rows had one).
            found.Add((row.RowKey[SummaryKeys.NewestPrefix.Length..], SummaryColumns.FromRow(row)));
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
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(SummaryKeys.Partition, SummaryKeys.MainKey(requestId), cancellationToken: ct)
            .ConfigureAwait(false);
        return row.HasValue ? SummaryColumns.FromRow(row.Value!) : null;
    }

    public async Task<IReadOnlyList<string>> ForOpportunityAsync(string crmId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(crmId);
        await backfill.EnsureAsync(ct).ConfigureAwait(false);
        var (from, to) = SummaryKeys.OpportunityRange(crmId);
        var rows = Table.QueryAsync<TableEntity>(SummaryFilter.Range(SummaryKeys.Partition, from, to), select: [SummaryColumns.RequestId], cancellationToken: ct);
        var found = new List<string>();
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (row.GetString(SummaryColumns.RequestId) is { } requestId) found.Add(requestId);
        }
        return found;
    }

    private static string ListFilter(SummaryQuery query, string? after)
    {
        var filter = SummaryFilter.Range(SummaryKeys.Partition, SummaryKeys.NewestPrefix + after, SummaryKeys.NewestEnd, after: after is not null);
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
