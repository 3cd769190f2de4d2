using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class SummaryTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task SummariesAreQueryableByStateAndRequester()
    {
        await Write("a", 1, "AwaitingOwnerApproval", "ann", 0);
        await Write("b", 2, "Scheduling", "bob", 1);
        await Write("c", 3, "AwaitingOwnerApproval", "bob", 2);

        var awaiting = await _storage.Summaries.QueryAsync(new SummaryQuery(State: "AwaitingOwnerApproval"), CancellationToken.None);
        var bobs = await _storage.Summaries.QueryAsync(new SummaryQuery(Requester: "bob"), CancellationToken.None);
        var both = await _storage.Summaries.QueryAsync(new SummaryQuery("Scheduling", "bob"), CancellationToken.None);

        Assert.Equal(["a", "c"], awaiting.Select(s => s.RequestId).Order(StringComparer.Ordinal));
        Assert.Equal(["b", "c"], bobs.Select(s => s.RequestId).Order(StringComparer.Ordinal));
        var b = Assert.Single(both);
        Assert.Equal(2, b.Version);
        Assert.Equal(1, b.Properties["Count"]);
        Assert.Equal("Scheduling", b.GetString(SummaryColumns.State));
        Assert.Equal(3, (await _storage.Summaries.QueryAsync(new SummaryQuery(), CancellationToken.None)).Count);
        Assert.Single(await _storage.Summaries.QueryAsync(new SummaryQuery(Max: 1), CancellationToken.None));
    }

    [Fact]
    public async Task OpportunityOpenAndBookedContactAreFilteredByTheTableServiceWithNoCap()
    {
        // More rows than any cap the reader ever had (500): the ones asked for are found wherever they are.
        await Task.WhenAll(Enumerable.Range(0, 640).Select(i => _storage.SummaryWriter.WriteAsync($"bulk{i:D4}", 1, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = "Closed", [SummaryColumns.CrmId] = "OPP-OTHER", [SummaryColumns.Open] = false,
        }, CancellationToken.None)));
        await _storage.SummaryWriter.WriteAsync("zzz-open", 1, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = "Introduced", [SummaryColumns.CrmId] = "OPP-42", [SummaryColumns.Open] = true,
            [SummaryColumns.ContactEmail] = "marie@contoso.example",
        }, CancellationToken.None);
        await _storage.SummaryWriter.WriteAsync("zzz-closed", 1, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = "Closed", [SummaryColumns.CrmId] = "OPP-42", [SummaryColumns.Open] = false,
            [SummaryColumns.ContactEmail] = "marie@contoso.example",
        }, CancellationToken.None);

        var opportunity = await _storage.Summaries.QueryAsync(new SummaryQuery(CrmId: "OPP-42"), CancellationToken.None);
        var open = await _storage.Summaries.QueryAsync(new SummaryQuery(Open: true), CancellationToken.None);
        var booked = await _storage.Summaries.QueryAsync(new SummaryQuery(Open: true, ContactEmail: "Marie@Contoso.example"), CancellationToken.None);

        Assert.Equal(["zzz-closed", "zzz-open"], opportunity.Select(s => s.RequestId).Order(StringComparer.Ordinal));
        Assert.Equal("zzz-open", Assert.Single(open).RequestId);
        Assert.Equal("zzz-open", Assert.Single(booked).RequestId);
        Assert.Equal(642, (await _storage.Summaries.QueryAsync(new SummaryQuery(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AnOlderVersionNeverOverwritesANewerSummary()
    {
        await Write("d", 5, "Scheduling", "cy", 42);

        await Write("d", 3, "AwaitingOwnerApproval", "cy", 1);
        await Write("d", 5, "Introduced", "cy", 7);

        var summary = await _storage.Summaries.GetAsync("d", CancellationToken.None);
        Assert.Equal(5, summary!.Version);
        Assert.Equal(42, summary.Properties["Count"]);
        Assert.Equal("Scheduling", summary.GetString(SummaryColumns.State));
        Assert.Empty(await _storage.Summaries.QueryAsync(new SummaryQuery(State: "AwaitingOwnerApproval"), CancellationToken.None));
    }

    [Fact]
    public async Task ANewerVersionReplacesTheWholeRow()
    {
        await _storage.SummaryWriter.WriteAsync("req/e", 1, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = "AwaitingOwnerApproval", ["WaitingOn"] = "owner@vendor.example",
        }, CancellationToken.None);

        await _storage.SummaryWriter.WriteAsync("req/e", 2, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = "Cancelled", ["WaitingOn"] = null,
        }, CancellationToken.None);

        var summary = await _storage.Summaries.GetAsync("req/e", CancellationToken.None);
        Assert.Equal("req/e", summary!.RequestId);
        Assert.Equal(2, summary.Version);
        Assert.Equal("Cancelled", summary.GetString(SummaryColumns.State));
        Assert.False(summary.Properties.ContainsKey("WaitingOn"));
        Assert.Null(await _storage.Summaries.GetAsync("missing", CancellationToken.None));
    }

    private Task Write(string id, long version, string state, string requester, int count) =>
        _storage.SummaryWriter.WriteAsync(id, version, new Dictionary<string, object?>
        {
            [SummaryColumns.State] = state,
            [SummaryColumns.Requester] = requester,
            ["Count"] = count,
        }, CancellationToken.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}
