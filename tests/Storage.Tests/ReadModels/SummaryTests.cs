using Azure.Data.Tables;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class SummaryTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PagesAreNewestFirstFilteredByTheStoreAndChainedByContinuation()
    {
        // Written out of order: the list orders by submission time, not by id or by write.
        await Write("a", 1, "AwaitingOwnerApproval", "ann", 0, Monday);
        await Write("c", 3, "AwaitingOwnerApproval", "Bob", 2, Monday.AddHours(2));
        await Write("b", 2, "Scheduling", "bob", 1, Monday.AddHours(1));

        var awaiting = await _storage.Summaries.PageAsync(new SummaryQuery(State: "AwaitingOwnerApproval"), CancellationToken.None);
        var bobs = await _storage.Summaries.PageAsync(new SummaryQuery(Requester: "BOB"), CancellationToken.None);
        var both = await _storage.Summaries.PageAsync(new SummaryQuery("Scheduling", "bob"), CancellationToken.None);

        Assert.Equal(["c", "a"], awaiting.Items.Select(s => s.RequestId));
        Assert.Equal(["c", "b"], bobs.Items.Select(s => s.RequestId));
        Assert.Null(bobs.Continuation);
        var b = Assert.Single(both.Items);
        Assert.Equal(2, b.Version);
        Assert.Equal("1", b.Company);
        Assert.Equal(3, await _storage.Summaries.CountAsync(new SummaryQuery(PageSize: 1), CancellationToken.None));

        var first = await _storage.Summaries.PageAsync(new SummaryQuery(PageSize: 2), CancellationToken.None);
        Assert.Equal(["c", "b"], first.Items.Select(s => s.RequestId));
        // A request submitted after the first page was read shows on no later page, and nothing shows twice.
        await Write("d", 1, "Scheduling", "dee", 0, Monday.AddHours(3));
        var second = await _storage.Summaries.PageAsync(new SummaryQuery(PageSize: 2, Continuation: first.Continuation), CancellationToken.None);
        Assert.Equal(["a"], second.Items.Select(s => s.RequestId));
        Assert.Null(second.Continuation);
    }

    [Fact]
    public async Task OwnersFindWhatIsTheirsOrWaitsOnThem()
    {
        await Save(Summary("own", 1, Monday) with { Owner = "OLIVIA@VENDOR.EXAMPLE" });
        await Save(Summary("wait", 1, Monday.AddMinutes(1)) with { WaitingOn = "OLIVIA@VENDOR.EXAMPLE" });
        await Save(Summary("other", 1, Monday.AddMinutes(2)) with { Owner = "SAM@VENDOR.EXAMPLE" });

        var olivias = await _storage.Summaries.PageAsync(new SummaryQuery(Person: "Olivia@Vendor.example"), CancellationToken.None);

        Assert.Equal(["wait", "own"], olivias.Items.Select(s => s.RequestId));
    }

    [Fact]
    public async Task OwnersAskedBesideTheCurrentCandidateFindTheRequestAndLoseItWhenTheirAskEnds()
    {
        await Save(Summary("beside", 1, Monday) with { Owner = "SAM@VENDOR.EXAMPLE", WaitingBeside = ["OLIVIA@VENDOR.EXAMPLE", "NOAH@VENDOR.EXAMPLE"] });

        Assert.Equal(["beside"], (await _storage.Summaries.PageAsync(new SummaryQuery(Person: "olivia@vendor.example"), CancellationToken.None)).Items.Select(s => s.RequestId));
        Assert.Equal(["beside"], (await _storage.Summaries.PageAsync(new SummaryQuery(Person: "Noah@Vendor.example"), CancellationToken.None)).Items.Select(s => s.RequestId));
        Assert.Equal(["OLIVIA@VENDOR.EXAMPLE", "NOAH@VENDOR.EXAMPLE"], (await _storage.Summaries.GetAsync("beside", CancellationToken.None))!.WaitingBeside!);

        // Olivia's ask was released: the next version's row no longer names her.
        await Save(Summary("beside", 2, Monday) with { Owner = "SAM@VENDOR.EXAMPLE", WaitingBeside = ["NOAH@VENDOR.EXAMPLE"] });

        Assert.Empty((await _storage.Summaries.PageAsync(new SummaryQuery(Person: "olivia@vendor.example"), CancellationToken.None)).Items);
        Assert.Equal(["NOAH@VENDOR.EXAMPLE"], (await _storage.Summaries.GetAsync("beside", CancellationToken.None))!.WaitingBeside!);
    }

    [Fact]
    public async Task OpportunitiesAreFoundByKeyAmongManyRows()
    {
        // More rows than any cap the reader ever had (500): the ones asked for are found wherever they are.
        await Task.WhenAll(Enumerable.Range(0, 640).Select(i => Save(Summary($"bulk{i:D4}", 1, Monday.AddSeconds(i)) with { CrmId = "OPP-OTHER" })));
        await Save(Introduced("zzz-open", 1, "Marie's account", "OPP-42"));
        await Save(Summary("zzz-closed", 1, Monday) with { CrmId = "OPP-42" });

        var opportunity = await _storage.Summaries.ForOpportunityAsync("OPP-42", CancellationToken.None);

        Assert.Equal(["zzz-closed", "zzz-open"], opportunity.Order(StringComparer.Ordinal));
        Assert.Empty(await _storage.Summaries.ForOpportunityAsync("OPP-4", CancellationToken.None));
        Assert.Equal(642, await _storage.Summaries.CountAsync(new SummaryQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task AnOpportunityFindsOnlyItsOwnRequestsWhenCrmIdsContainTheKeySeparator()
    {
        await Save(Summary("plain", 1, Monday) with { CrmId = "A" });
        await Save(Summary("piped", 1, Monday) with { CrmId = "A|B" });
        await Save(Summary("longer", 1, Monday) with { CrmId = "A|B|C" });

        Assert.Equal(["plain"], await _storage.Summaries.ForOpportunityAsync("A", CancellationToken.None));
        Assert.Equal(["piped"], await _storage.Summaries.ForOpportunityAsync("A|B", CancellationToken.None));
        Assert.Equal(["longer"], await _storage.Summaries.ForOpportunityAsync("A|B|C", CancellationToken.None));
    }

    [Fact]
    public async Task ARequestsRowsAreWrittenTogetherInOneCallAndALaterVersionInTwo()
    {
        var (layout, calls) = await CountedCalls.OverAsync(_storage);
        var writer = new SummaryWriter(layout);

        await writer.WriteAsync(Introduced("r", 1, "Marie's account", "OPP-7"), CancellationToken.None, likelyNew: true);
        Assert.Equal(["POST"], calls.Methods);

        calls.Clear();
        await writer.WriteAsync(Introduced("r", 2, "Jon's account", "OPP-7"), CancellationToken.None);
        Assert.Equal(["GET", "POST"], calls.Methods);

        Assert.Equal("Jon's account", Assert.Single((await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None)).Items).CurrentAccount);
        Assert.Equal(["r"], await _storage.Summaries.ForOpportunityAsync("OPP-7", CancellationToken.None));
    }

    [Fact]
    public async Task WritersRacingEndAtTheNewestVersionInEveryRow()
    {
        await Task.WhenAll(Enumerable.Range(1, 8).Select(version => Task.Run(() => _storage.SummaryWriter.WriteAsync(
            Introduced("raced", version, $"account {version}", "OPP-R"), CancellationToken.None, likelyNew: version % 2 == 1))));

        Assert.Equal(8, (await _storage.Summaries.GetAsync("raced", CancellationToken.None))!.Version);
        var listed = Assert.Single((await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None)).Items);
        Assert.Equal((8, "account 8"), (listed.Version, listed.CurrentAccount));
    }

    [Fact]
    public async Task SummariesLaidOutAsBeforeAreListedOnceAfterTheFirstReadAndTheirFormerRowsGo()
    {
        var table = _storage.Table(_storage.Layout.Names.Summaries);
        await table.CreateIfNotExistsAsync();
        // Exactly as the layout before wrote them: the derived rows in partitions of their own, keys without a prefix.
        var main = new TableEntity("summary", "old")
        {
            [SummaryColumns.RequestId] = "old", [SummaryColumns.Version] = 4L, [SummaryColumns.SubmittedAt] = Monday,
            [SummaryColumns.State] = "Scheduling", [SummaryColumns.CrmId] = "OPP-OLD", [SummaryColumns.Open] = true,
        };
        await table.AddEntityAsync(main);
        await table.AddEntityAsync(new TableEntity(main) { PartitionKey = "newest", RowKey = "9000000000000000000|old" });
        await table.AddEntityAsync(new TableEntity("crm", "OPP-OLD|old") { [SummaryColumns.RequestId] = "old" });
        await table.AddEntityAsync(new TableEntity("layout", "derived-v1"));
        // More former rows than one transaction deletes.
        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("newest", $"8{i:D18}|gone{i}"))));
        await table.SubmitTransactionAsync(Enumerable.Range(100, 50).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("newest", $"8{i:D18}|gone{i}"))));
        // Written since, in the new layout, before any read laid the table out.
        await Save(Summary("new", 1, Monday.AddHours(1)) with { CrmId = "OPP-OLD" });

        var page = await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None);

        Assert.Equal(["new", "old"], page.Items.Select(s => s.RequestId));
        Assert.Equal(["new", "old"], (await _storage.Summaries.ForOpportunityAsync("OPP-OLD", CancellationToken.None)).Order(StringComparer.Ordinal));
        await foreach (var former in table.QueryAsync<TableEntity>("PartitionKey eq 'newest' or PartitionKey eq 'crm'"))
        {
            Assert.Fail($"A row of the former layout is left: {former.PartitionKey} {former.RowKey}");
        }
    }

    [Fact]
    public async Task SummariesFromBeforeTheDerivedRowsAreListedAfterTheFirstRead()
    {
        var table = _storage.Table(_storage.Layout.Names.Summaries);
        await table.CreateIfNotExistsAsync();
        // A main row exactly as earlier versions wrote it, with nothing derived.
        await table.AddEntityAsync(new TableEntity("summary", "old")
        {
            [SummaryColumns.RequestId] = "old", [SummaryColumns.Version] = 4L, [SummaryColumns.SubmittedAt] = Monday,
            [SummaryColumns.State] = "Scheduling", [SummaryColumns.CrmId] = "OPP-OLD", [SummaryColumns.Open] = true,
        });

        var page = await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None);

        Assert.Equal(("old", 4L), (Assert.Single(page.Items).RequestId, page.Items[0].Version));
        Assert.Equal(["old"], await _storage.Summaries.ForOpportunityAsync("OPP-OLD", CancellationToken.None));
    }

    [Fact]
    public async Task AFirstDecisionWrittenWithoutAReadIsListedAndFoundAndNeverOverwritesANewerOne()
    {
        await _storage.SummaryWriter.WriteAsync(Introduced("new", 2, "Marie's account", "OPP-9"), CancellationToken.None, likelyNew: true);

        Assert.Equal(["new"], (await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None)).Items.Select(s => s.RequestId));
        Assert.Equal(["new"], await _storage.Summaries.ForOpportunityAsync("OPP-9", CancellationToken.None));

        // The request moved on to another contact; the submitter's late copy of its first decision changes nothing.
        await Save(Introduced("new", 5, "Jon's account", "OPP-9"));
        await _storage.SummaryWriter.WriteAsync(Introduced("new", 2, "Marie's account", "OPP-9"), CancellationToken.None, likelyNew: true);

        var summary = await _storage.Summaries.GetAsync("new", CancellationToken.None);
        Assert.Equal((5, "Jon's account"), (summary!.Version, summary.CurrentAccount));
    }

    [Fact]
    public async Task AnOlderVersionNeverOverwritesANewerSummary()
    {
        await Write("d", 5, "Scheduling", "cy", 42);

        await Write("d", 3, "AwaitingOwnerApproval", "cy", 1);
        await Write("d", 5, "Introduced", "cy", 7);

        var summary = await _storage.Summaries.GetAsync("d", CancellationToken.None);
        Assert.Equal(5, summary!.Version);
        Assert.Equal("42", summary.Company);
        Assert.Equal("Scheduling", summary.State);
        Assert.Empty((await _storage.Summaries.PageAsync(new SummaryQuery(State: "AwaitingOwnerApproval"), CancellationToken.None)).Items);
        Assert.Equal("Scheduling", Assert.Single((await _storage.Summaries.PageAsync(new SummaryQuery(), CancellationToken.None)).Items).State);
    }

    [Fact]
    public async Task ANewerVersionReplacesTheWholeRow()
    {
        await Save(Summary("req/e", 1, Monday) with { State = "AwaitingOwnerApproval", WaitingOn = "OWNER@VENDOR.EXAMPLE" });

        await Save(Summary("req/e", 2, Monday) with { State = "Cancelled" });

        var summary = await _storage.Summaries.GetAsync("req/e", CancellationToken.None);
        Assert.Equal("req/e", summary!.RequestId);
        Assert.Equal(2, summary.Version);
        Assert.Equal("Cancelled", summary.State);
        Assert.Null(summary.WaitingOn);
        Assert.Null(await _storage.Summaries.GetAsync("missing", CancellationToken.None));
    }

    private Task Write(string id, long version, string state, string requester, int count, DateTimeOffset? submittedAt = null) =>
        Save(Summary(id, version, submittedAt ?? Monday) with { State = state, Requester = requester.ToUpperInvariant(), Company = $"{count}" });

    private Task Save(RequestSummary summary) => _storage.SummaryWriter.WriteAsync(summary, CancellationToken.None);

    private static RequestSummary Summary(string id, long version, DateTimeOffset submittedAt) =>
        new(id, version, "Closed", "REP@VENDOR.EXAMPLE", submittedAt);

    private static RequestSummary Introduced(string id, long version, string account, string? crmId = null) =>
        Summary(id, version, Monday) with { State = "Introduced", Open = true, CrmId = crmId, CurrentAccount = account };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}
