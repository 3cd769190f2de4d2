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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _table.DeleteAsync();
}
