using Azure.Data.Tables;
using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// The insights read model (<see cref="InsightKeys"/>): one row per debrief that said a concern or a landmine, copied
/// into each partition a filter reads. Writes are upserts on keys fixed by the debrief, so a rerun changes nothing;
/// every read is one partition, newest first.
/// </summary>
public sealed class InsightStore(StorageLayout layout)
{
    private TableClient Table => layout.Table(layout.Names.Insights);

    public async Task RecordAsync(DebriefInsight insight, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentException.ThrowIfNullOrEmpty(insight.RequestId);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var key = InsightKeys.Row(insight.At, insight.RequestId);
        var partitions = new List<string> { InsightKeys.All };
        partitions.AddRange(insight.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(InsightKeys.Topic).Distinct(StringComparer.Ordinal));
        if (insight.Competitor is { } competitor) partitions.Add(InsightKeys.Competitor(competitor));
        await Task.WhenAll(partitions.Select(p => Table.UpsertEntityAsync(InsightColumns.ToRow(insight, p, key), TableUpdateMode.Replace, ct)))
            .ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="token"/> is a continuation of this list (not of another list's).</summary>
    public static bool IsContinuation(string token) => InsightKeys.TryReadToken(token) is not null;

    public async Task<InsightPage> PageAsync(InsightQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = new List<(string Key, DebriefInsight Insight)>(Math.Min(query.PageSize + 1, 1001));
        var rows = Table.QueryAsync<TableEntity>(Filter(query, InsightKeys.TryReadToken(query.Continuation)), maxPerPage: Math.Min(query.PageSize + 1, 1000),
            cancellationToken: ct);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            found.Add((row.RowKey, InsightColumns.FromRow(row)));
            if (found.Count > query.PageSize) break;
        }
        var page = found.Take(query.PageSize).ToList();
        return new InsightPage([.. page.Select(f => f.Insight)], found.Count > query.PageSize ? InsightKeys.Token(page[^1].Key) : null);
    }

    /// <summary>Insights per topic and per competitor among those <paramref name="query"/> selects: two columns of each, one partition.</summary>
    public async Task<InsightCounts> CountAsync(InsightQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var total = 0;
        var topics = new Tally();
        var competitors = new Tally();
        var rows = Table.QueryAsync<TableEntity>(Filter(query, null), select: [InsightColumns.Topics, InsightColumns.Competitor], cancellationToken: ct);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            total++;
            foreach (var topic in InsightColumns.List(row, InsightColumns.Topics)) topics.Add(topic);
            if (row.GetString(InsightColumns.Competitor) is { Length: > 0 } competitor) competitors.Add(competitor);
        }
        return new InsightCounts(total, topics.Counts(), competitors.Counts());
    }

    public async Task<bool> IsBackfilledAsync(CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        return (await Table.GetEntityIfExistsAsync<TableEntity>(InsightKeys.Layout, InsightKeys.Backfilled, cancellationToken: ct).ConfigureAwait(false)).HasValue;
    }

    public async Task MarkBackfilledAsync(CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        await Table.UpsertEntityAsync(new TableEntity(InsightKeys.Layout, InsightKeys.Backfilled), cancellationToken: ct).ConfigureAwait(false);
    }

    // The filter picks the partition: a topic's (with the competitor as a column filter), a competitor's, or all.
    private static string Filter(InsightQuery query, string? after)
    {
        var topic = Blank(query.Topic);
        var competitor = Blank(query.Competitor);
        var partition = topic is not null ? InsightKeys.Topic(topic) : competitor is not null ? InsightKeys.Competitor(competitor) : InsightKeys.All;
        var filter = SummaryFilter.Range(partition, after ?? "", InsightKeys.End, after: after is not null);
        return topic is not null && competitor is not null ? filter + SummaryFilter.And(InsightColumns.CompetitorKey, InsightKeys.Normal(competitor)) : filter;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed class Tally
    {
        private readonly Dictionary<string, InsightCount> _counts = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string value)
        {
            var key = value.Trim();
            _counts[key] = _counts.TryGetValue(key, out var count) ? count with { Insights = count.Insights + 1 } : new InsightCount(key, 1);
        }

        public IReadOnlyList<InsightCount> Counts() =>
            [.. _counts.Values.OrderByDescending(c => c.Insights).ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)];
    }
}
