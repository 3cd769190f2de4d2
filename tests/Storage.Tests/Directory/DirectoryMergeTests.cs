using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Tests.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Directory;

/// <summary>A program manager's PUT or import never signs up again a contact who left the program themselves.</summary>
public sealed class DirectoryMergeTests : IAsyncLifetime
{
    private static readonly DateOnly LeftOn = new(2026, 11, 20);

    private readonly TableClient _table = new TableServiceClient(AzuriteInstance.SharedConnectionString)
        .GetTableClient(TestStorage.NewPrefix() + "references");

    private static ReferenceContact Contact(string id, DateOnly? left = null) =>
        new(id, id, $"{id}@contoso.example", "CIO", Seniority.CLevel, Persona.Business, "Europe/Paris", ["fr"], [Activity.Call], ["migration"],
            ConsentExpires: left is null ? new DateOnly(2030, 1, 1) : LeftOn.AddDays(-1), LeftProgramOn: left);

    private static ReferenceAccount Account(params ReferenceContact[] contacts) =>
        new("contoso", "Contoso", "Healthcare", 5000, 1_000_000, "FR", ["Analytics Cloud"], [], [], "owner@vendor.example", AccountStatus.Active, contacts);

    [Fact]
    public async Task AReplaceOrImportKeepsTheLeaverOutAndChangesTheOthers()
    {
        var directory = new TableReferenceDirectory(_table);
        await directory.UpsertAsync(Account(Contact("marie", left: LeftOn), Contact("paul")));

        await directory.ReplaceAsync(Account(Contact("marie"), Contact("paul") with { Title = "CTO" }));
        var replaced = (await directory.GetAsync("contoso"))!;
        await directory.MergeAsync(Account(Contact("marie")));
        var merged = (await directory.GetAsync("contoso"))!;

        foreach (var account in new[] { replaced, merged })
        {
            var marie = account.Contacts.Single(c => c.ContactId == "marie");
            Assert.Equal((LeftOn, LeftOn.AddDays(-1)), (marie.LeftProgramOn, marie.ConsentExpires));
        }
        Assert.Equal("CTO", merged.Contacts.Single(c => c.ContactId == "paul").Title);
    }

    [Fact]
    public async Task AnImportBatchMergesManyAccountsInTransactionsAndMovesTheVersionOnce()
    {
        var directory = new TableReferenceDirectory(_table);
        await directory.UpsertAsync(Account(Contact("marie", left: LeftOn), Contact("paul")));
        // Stored within the batch's range of ids, and not in the batch: read with it, left as it is.
        await directory.UpsertAsync(Account(Contact("zoe")) with { ReferenceId = "bystander" });
        var before = await directory.SnapshotAsync();
        // More accounts than one transaction takes, the stored one among them with only one of its contacts.
        var batch = Enumerable.Range(0, 150).Select(i => Account(Contact("anne")) with { ReferenceId = $"account-{i:000}", Account = $"Account {i:000}" })
            .Append(Account(Contact("marie"), Contact("jean")))
            .ToList();

        var created = await directory.MergeManyAsync(batch);

        Assert.Equal(150, created);
        var after = await directory.SnapshotAsync();
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(152, after.Accounts.Count);
        Assert.Equal(["zoe"], after.Accounts.Single(a => a.ReferenceId == "bystander").Contacts.Select(c => c.ContactId));
        var contoso = after.Accounts.Single(a => a.ReferenceId == "contoso");
        Assert.Equal(["jean", "marie", "paul"], contoso.Contacts.Select(c => c.ContactId).Order(StringComparer.Ordinal));
        Assert.Equal(LeftOn, contoso.Contacts.Single(c => c.ContactId == "marie").LeftProgramOn);
        Assert.Equal("Account 149", (await directory.GetAsync("account-149"))!.Account);
    }

    [Fact]
    public async Task AHundredAccountsNearTheRowLimitAreAllWritten()
    {
        var directory = new TableReferenceDirectory(_table);
        // Each near the 32K characters a property holds, about 3 MB together: more than one transaction carries.
        var contacts = Enumerable.Range(0, 72).Select(i => Contact($"contact-{i:00}") with { Topics = [new string('t', 200)] }).ToArray();
        var batch = Enumerable.Range(0, 100).Select(i => Account(contacts) with { ReferenceId = $"large-{i:000}" }).ToList();

        Assert.Equal(100, await directory.MergeManyAsync(batch));

        var sizes = new List<int>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == "account", select: ["Document"])) sizes.Add(row.GetString("Document").Length);
        Assert.Equal(100, sizes.Count);
        Assert.All(sizes, size => Assert.InRange(size, 28_000, 32_767));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _table.DeleteAsync();
}
