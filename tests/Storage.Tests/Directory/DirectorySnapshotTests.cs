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

    private static ReferenceAccount Account(string id, string name, string industry = "Healthcare") =>
        new(id, name, industry, 5000, 1_000_000, "FR", ["Analytics Cloud"], [], [], "owner@vendor.example", AccountStatus.Active,
            [new ReferenceContact("c1", "Marie", $"marie@{id}.example", "CIO", Seniority.CLevel, Persona.Business, "Europe/Paris",
                ["fr"], [Activity.Call], ["migration"], null, null, new DateOnly(2030, 1, 1), null)], null);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _table.DeleteAsync();
}
