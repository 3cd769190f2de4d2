using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Tests.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Directory;

/// <summary>An import's accounts are stored in batches that each fit one row, however large the accounts are.</summary>
public sealed class ImportJobStoreTests : IAsyncLifetime
{
    private readonly TableClient _table = new TableServiceClient(AzuriteInstance.SharedConnectionString)
        .GetTableClient(TestStorage.NewPrefix() + "imports");

    private static ReferenceAccount Account(string id, int contacts) =>
        new(id, id, "Healthcare", 5000, 1_000_000, "FR", ["Analytics Cloud"], [], [], "owner@vendor.example", AccountStatus.Active,
            [.. Enumerable.Range(0, contacts).Select(i => new ReferenceContact(
                $"c{i}", $"Contact {i}", $"c{i}@{id}.example", "Head of Data", Seniority.Director, Persona.Technical, "Europe/Paris", ["fr", "en"],
                [Activity.Call], ["migration", "route planning", "data platform"], ConsentExpires: new DateOnly(2030, 1, 1)))]);

    [Fact]
    public async Task LargeAccountsGoInMoreBatchesAndEachReadsBackWhole()
    {
        var store = new ImportJobStore(_table);
        // Five accounts of 400 contacts each: together far more than one row holds.
        var accounts = Enumerable.Range(0, 5).Select(i => new ImportedAccount(Account($"big{i}", 400), IsNew: true, Lines: 400)).ToList();

        var batches = await store.CreateAsync("job1", accounts, [], 2000, "pm@vendor.example", DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.True(batches >= 2, $"{batches} batch");
        var read = new List<ImportedAccount>();
        for (var b = 0; b < batches; b++) read.AddRange(await store.BatchAsync("job1", b, CancellationToken.None));
        Assert.Equal(accounts.Select(a => a.Account.ReferenceId), read.Select(a => a.Account.ReferenceId));
        Assert.All(read, a => Assert.Equal(400, a.Account.Contacts.Count));
    }

    [Fact]
    public async Task SmallAccountsGoTwoHundredToABatch()
    {
        var store = new ImportJobStore(_table);
        var accounts = Enumerable.Range(0, 450).Select(i => new ImportedAccount(Account($"small{i:000}", 2), IsNew: true, Lines: 2)).ToList();

        Assert.Equal(3, await store.CreateAsync("job2", accounts, [], 900, "pm@vendor.example", DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal(200, (await store.BatchAsync("job2", 0, CancellationToken.None)).Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _table.DeleteAsync();
}
