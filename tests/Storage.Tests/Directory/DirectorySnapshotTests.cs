using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Tests.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Directory;

/// <summary>The directory served from one snapshot per version, against Azurite; two instances stand for two hosts.</summary>
public sealed class DirectorySnapshotTests : IAsyncLifetime
{
    private readonly TableClient _table = new TableServiceClient(AzuriteInstance.SharedConnectionString)
        .GetTableClient(TestStorage.NewPrefix() + "references");

    [Fact]
    public async Task TheSnapshotIsSharedUntilAnyHostWritesAnAccount()
    {
        var here = new TableReferenceDirectory(_table);
        var elsewhere = new TableReferenceDirectory(_table);
        await here.UpsertAsync(Account("r1", "Alpha"));

        var first = await here.SnapshotAsync();
        Assert.Same(first, await here.SnapshotAsync());

        await elsewhere.UpsertAsync(Account("r2", "Beta"));
        var second = await here.SnapshotAsync();

        Assert.NotSame(first, second);
        Assert.Equal(["r1", "r2"], second.Accounts.Select(a => a.ReferenceId));
        Assert.Equal("Beta", second.Find("r2")?.Account);
        Assert.Equal(2, second.Index.Count);
        Assert.False(await here.IsEmptyAsync());
    }

    [Fact]
    public async Task PagesFollowTheAccountNameAndCountEveryMatch()
    {
        var directory = new TableReferenceDirectory(_table);
        foreach (var (id, name) in new[] { ("r3", "cedar"), ("r1", "Alder"), ("r5", "Elm"), ("r2", "birch"), ("r4", "Dogwood") })
        {
            await directory.UpsertAsync(Account(id, name, industry: id == "r4" ? "Retail" : "Healthcare"));
        }

        var first = await directory.PageAsync(new ReferenceFilter(Industry: "healthcare"), 2, null);
        var second = await directory.PageAsync(new ReferenceFilter(Industry: "healthcare"), 2, first.Continuation);

        Assert.Equal(["Alder", "birch"], first.Items.Select(a => a.Account));
        Assert.Equal(4, first.Total);
        Assert.Equal(["cedar", "Elm"], second.Items.Select(a => a.Account));
        Assert.Null(second.Continuation);
        await Assert.ThrowsAsync<ArgumentException>(() => directory.PageAsync(ReferenceFilter.All, 2, "bm90LWpzb24"));
    }

    [Fact]
    public async Task AnEditOnOneHostIsReadOnTheOtherAsTheChangedAccountAlone()
    {
        var here = new TableReferenceDirectory(_table);
        var elsewhere = new TableReferenceDirectory(_table);
        await here.UpsertManyAsync([Account("r1", "Alpha"), Account("r2", "Beta"), Account("r3", "Gamma")]);
        var before = await elsewhere.SnapshotAsync();

        await here.ReplaceAsync(Account("r2", "Aardvark"));
        var after = await elsewhere.SnapshotAsync();

        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(["Aardvark", "Alpha", "Gamma"], after.Accounts.Select(a => a.Account));
        // Read again: only the edited account; the others are the very objects the host held before.
        Assert.Same(before.Find("r1"), after.Find("r1"));
        Assert.Same(before.Find("r3"), after.Find("r3"));
        Assert.Equal(3, after.Index.Count);
    }

    [Fact]
    public async Task AnImportOnOneHostIsReadOnTheOtherAsItsBatchesRanges()
    {
        var here = new TableReferenceDirectory(_table);
        var elsewhere = new TableReferenceDirectory(_table);
        await here.UpsertAsync(Account("a0", "Untouched"));
        var before = await elsewhere.SnapshotAsync();

        // Two batches written at once, as the import orchestration runs them; each records its own change.
        await Task.WhenAll(
            here.MergeManyAsync([.. Enumerable.Range(1, 40).Select(i => Account($"b{i:D3}", $"Batch one {i:D3}"))]),
            here.MergeManyAsync([.. Enumerable.Range(1, 40).Select(i => Account($"c{i:D3}", $"Batch two {i:D3}"))]));
        var after = await elsewhere.SnapshotAsync();

        Assert.Equal(before.Version + 2, after.Version);
        Assert.Equal(81, after.Accounts.Count);
        Assert.Same(before.Find("a0"), after.Find("a0"));
        Assert.Equal(Ids(await new TableReferenceDirectory(_table).SnapshotAsync()), Ids(after));
        Assert.Equal(Ids(after), Ids(await here.SnapshotAsync()));
    }

    [Fact]
    public async Task WritersOnTwoHostsAtOnceEachGetTheirOwnChangeAndBothHostsSeeAll()
    {
        var one = new TableReferenceDirectory(_table);
        var two = new TableReferenceDirectory(_table);
        await one.UpsertAsync(Account("seed", "Seed"));
        var start = (await one.SnapshotAsync()).Version;
        await two.SnapshotAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? one : two).UpsertAsync(Account($"w{i:D2}", $"Written {i:D2}"))));

        var whole = await new TableReferenceDirectory(_table).SnapshotAsync();
        Assert.Equal(start + 12, whole.Version);
        Assert.Equal(13, whole.Accounts.Count);
        Assert.Equal(Ids(whole), Ids(await one.SnapshotAsync()));
        Assert.Equal(Ids(whole), Ids(await two.SnapshotAsync()));
    }

    [Fact]
    public async Task AVersionMovedWithoutAChangeMakesEveryHostReadTheWholeDirectory()
    {
        var here = new TableReferenceDirectory(_table);
        var elsewhere = new TableReferenceDirectory(_table);
        await here.UpsertAsync(Account("r1", "Alpha"));
        var before = await elsewhere.SnapshotAsync();

        // A host of the version before this log wrote an account and moved the version row as it did then: no number, no entry.
        var stored = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        await _table.UpsertEntityAsync(new TableEntity("account", "r2") { ["Document"] = JsonSerializer.Serialize(Account("r2", "Beta"), stored) });
        await _table.UpsertEntityAsync(new TableEntity("directory", "version"), TableUpdateMode.Replace);
        var after = await elsewhere.SnapshotAsync();

        Assert.Equal(["r1", "r2"], Ids(after));
        Assert.NotSame(before.Find("r1"), after.Find("r1"));
    }

    private static string[] Ids(DirectorySnapshot snapshot) => [.. snapshot.Accounts.Select(a => a.ReferenceId)];

    private static ReferenceAccount Account(string id, string name, string industry = "Healthcare") =>
        new(id, name, industry, 5000, 1_000_000, "FR", ["Analytics Cloud"], [], [], "owner@vendor.example", AccountStatus.Active,
            [new ReferenceContact("c1", "Marie", $"marie@{id}.example", "CIO", Seniority.CLevel, Persona.Business, "Europe/Paris",
                ["fr"], [Activity.Call], ["migration"], null, null, new DateOnly(2030, 1, 1), null)], null);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _table.DeleteAsync();
}
