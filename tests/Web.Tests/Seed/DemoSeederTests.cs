using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Web.Seed;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Seed;

public sealed class DemoSeederTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public void TheDemoDirectoryIsDeterministicAndVaried()
    {
        var today = new DateOnly(2026, 11, 22);
        var first = DemoDirectory.Create(60, today);
        var second = DemoDirectory.Create(60, today);

        Assert.Equal(first.Select(a => a.ReferenceId), second.Select(a => a.ReferenceId));
        Assert.Equal(first.SelectMany(a => a.Contacts).Select(c => c.Email), second.SelectMany(a => a.Contacts).Select(c => c.Email));
        Assert.Equal(60, first.Select(a => a.ReferenceId).Distinct().Count());
        Assert.All(first, a => Assert.InRange(a.Contacts.Count, 1, 3));
        Assert.True(first.Select(a => a.Country).Distinct().Count() >= 10);
        Assert.True(first.Select(a => a.Industry).Distinct().Count() >= 8);
        Assert.True(first.SelectMany(a => a.Contacts).Select(c => c.TimeZone).Distinct().Count() >= 10);
        Assert.Contains(first, a => a.Status == AccountStatus.Caution);
        Assert.True(first.Select(a => a.OwnerEmail).Distinct().Count() >= 3);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(400)]
    public void NoTwoDemoContactsShareANameOrAnEmail(int accounts)
    {
        var contacts = DemoDirectory.Create(accounts, new DateOnly(2026, 11, 22)).SelectMany(a => a.Contacts).ToList();

        Assert.Equal(contacts.Count, contacts.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(contacts.Count, contacts.Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task SeedingFillsAnEmptyStoreOnceWithAccountsUsageAndRequests()
    {
        var seeder = factory.Services.GetRequiredService<DemoSeeder>();

        Assert.True(await seeder.SeedAsync(default));
        Assert.False(await seeder.SeedAsync(default));

        var accounts = await factory.Services.GetRequiredService<IReferenceDirectory>().ListAsync(ReferenceFilter.All);
        Assert.Equal(DemoSeeder.Accounts, accounts.Count);
        var pm = factory.ClientFor(Keys.ProgramManager);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray requests;
        HashSet<string> states;
        // The list is a projection the orchestration writes a moment after each answer is recorded: wait for the last one.
        do
        {
            requests = (await pm.GetFromJsonAsync<JsonArray>("/api/requests"))!;
            states = requests.Select(r => (string)r!["state"]!).ToHashSet();
        }
        while ((requests.Count < DemoRequests.Create(default).Count || !states.Contains("Cancelled")) && DateTime.UtcNow < deadline && await Pause());
        Assert.Contains("AwaitingOwnerApproval", states);
        Assert.Contains("Deferred", states);
        Assert.Contains("Cancelled", states);
        Assert.True(states.Count >= 4, string.Join(", ", states));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }
}
