using System.Net;
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

    // The calling codes, written out here rather than read from the seeder, so a wrong one there cannot agree with itself.
    private static readonly Dictionary<string, string> CallingCodes = new()
    {
        ["FR"] = "+33 ", ["DE"] = "+49 ", ["GB"] = "+44 ", ["US"] = "+1 ", ["CA"] = "+1 ", ["JP"] = "+81 ", ["BR"] = "+55 ",
        ["IN"] = "+91 ", ["AU"] = "+61 ", ["ES"] = "+34 ", ["NL"] = "+31 ", ["SG"] = "+65 ", ["SE"] = "+46 ", ["IT"] = "+39 ",
    };

    [Fact]
    public void EveryDemoContactsPhoneHasItsCountrysCallingCodeAndAPlausibleLength()
    {
        var accounts = DemoDirectory.Create(400, new DateOnly(2026, 11, 22));

        Assert.All(accounts.SelectMany(a => a.Contacts.Select(c => (a.Country, c.Name, Phone: c.Phone ?? ""))), contact =>
        {
            Assert.True(CallingCodes.TryGetValue(contact.Country, out var code), $"No calling code known for {contact.Country}.");
            Assert.True(contact.Phone.StartsWith(code, StringComparison.Ordinal), $"{contact.Name} in {contact.Country} has {contact.Phone}.");
            // E.164: at most 15 digits with the country code; a real mobile number has at least 10.
            Assert.InRange(contact.Phone.Count(char.IsAsciiDigit), 10, 15);
        });
        Assert.Equal(CallingCodes.Keys.Order(), accounts.Select(a => a.Country).Distinct().Order());
    }

    [Fact]
    public async Task EveryDemoOwnerCanSignIn()
    {
        var owners = DemoDirectory.Create(400, new DateOnly(2026, 11, 22)).Select(a => a.OwnerEmail).Distinct().ToList();

        Assert.NotEmpty(owners);
        foreach (var owner in owners)
        {
            // A fresh client each time: a cookie from the previous sign-in would make this a cross-site POST.
            using var browser = factory.Anonymous();
            var response = await browser.PostAsync("/signin", new FormUrlEncodedContent([new("email", owner)]));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
                $"{owner} owns demo accounts but cannot sign in: {(int)response.StatusCode} to {response.Headers.Location}.");
        }
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
