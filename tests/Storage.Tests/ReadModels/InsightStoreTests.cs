using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

/// <summary>The insights read model against Azurite: newest first, by topic and competitor in any case, paged by key.</summary>
public sealed class InsightStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly TestStorage _storage = TestStorage.Create();

    private static DebriefInsight Insight(string request, double days, string? competitor, params string[] topics) =>
        new(request, At.AddDays(days), topics, competitor, "Healthcare", $"concern of {request}", null, true, false,
            new InsightReference("ref/1", "Contoso Health", "Healthcare", 12_000), "rep@demo.local", ["owner@vendor.example"]);

    private async Task<IReadOnlyList<string>> RequestsAsync(InsightQuery query) =>
        [.. (await _storage.Insights.PageAsync(query, CancellationToken.None)).Items.Select(i => i.RequestId)];

    public async Task InitializeAsync()
    {
        await _storage.Insights.RecordAsync(Insight("req-1", 1, "LegacyBI", "migration", "ROI"), CancellationToken.None);
        await _storage.Insights.RecordAsync(Insight("req-2", 3, "QueryMaster", "Migration"), CancellationToken.None);
        await _storage.Insights.RecordAsync(Insight("req-3", 2, null, "security"), CancellationToken.None);
        await _storage.Insights.RecordAsync(Insight("req-1", 1, "LegacyBI", "migration", "ROI"), CancellationToken.None); // a rerun
    }

    [Fact]
    public async Task EveryInsightReadsBackNewestFirstOnceWhateverTheReruns()
    {
        Assert.Equal(["req-2", "req-3", "req-1"], await RequestsAsync(new InsightQuery()));
        var first = (await _storage.Insights.PageAsync(new InsightQuery(), CancellationToken.None)).Items[^1];
        Assert.Equal(Insight("req-1", 1, "LegacyBI", "migration", "ROI") with { Topics = first.Topics, OwnerEmails = first.OwnerEmails }, first);
        Assert.Equal(["migration", "ROI"], first.Topics);
        Assert.Equal(["owner@vendor.example"], first.OwnerEmails);
    }

    [Fact]
    public async Task ATopicACompetitorOrBothSelectInAnyCase()
    {
        Assert.Equal(["req-2", "req-1"], await RequestsAsync(new InsightQuery(Topic: "MIGRATION")));
        Assert.Equal(["req-1"], await RequestsAsync(new InsightQuery(Competitor: " legacybi ")));
        Assert.Equal(["req-1"], await RequestsAsync(new InsightQuery(Topic: "migration", Competitor: "LegacyBI")));
        Assert.Empty(await RequestsAsync(new InsightQuery(Topic: "security", Competitor: "LegacyBI")));
        Assert.Empty(await RequestsAsync(new InsightQuery(Topic: "migr")));
    }

    [Fact]
    public async Task PagesFollowOneAnotherByKeyAndTheirTokensAreTheirOwn()
    {
        var first = await _storage.Insights.PageAsync(new InsightQuery(PageSize: 2), CancellationToken.None);
        var second = await _storage.Insights.PageAsync(new InsightQuery(PageSize: 2, Continuation: first.Continuation), CancellationToken.None);

        Assert.Equal(["req-2", "req-3"], first.Items.Select(i => i.RequestId));
        Assert.Equal(["req-1"], second.Items.Select(i => i.RequestId));
        Assert.Null(second.Continuation);
        Assert.True(InsightStore.IsContinuation(first.Continuation!));
        Assert.False(InsightStore.IsContinuation(PageToken.Encode("9223372036854775807|req-1")));
    }

    [Fact]
    public async Task CountsNameEachTopicAndCompetitorAsTheNewestSpellsItMostFirst()
    {
        var all = await _storage.Insights.CountAsync(new InsightQuery(), CancellationToken.None);
        var migration = await _storage.Insights.CountAsync(new InsightQuery(Topic: "migration"), CancellationToken.None);

        Assert.Equal(3, all.Total);
        Assert.Equal([new InsightCount("Migration", 2), new InsightCount("ROI", 1), new InsightCount("security", 1)], all.Topics);
        Assert.Equal([new InsightCount("LegacyBI", 1), new InsightCount("QueryMaster", 1)], all.Competitors);
        Assert.Equal(2, migration.Total);
    }

    [Fact]
    public async Task TheBackfillMarkerIsSetOnce()
    {
        Assert.False(await _storage.Insights.IsBackfilledAsync(CancellationToken.None));
        await _storage.Insights.MarkBackfilledAsync(CancellationToken.None);
        Assert.True(await _storage.Insights.IsBackfilledAsync(CancellationToken.None));
        Assert.Equal(3, (await _storage.Insights.CountAsync(new InsightQuery(), CancellationToken.None)).Total);
    }

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}
