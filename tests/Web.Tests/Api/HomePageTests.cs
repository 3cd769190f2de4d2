using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>The program manager's home counts what waits on their review, with a way to it.</summary>
public sealed partial class HomePageTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task TheProgramManagersHomeCountsNominationsWaitingForReview()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var before = Waiting(await pm.GetStringAsync("/"));

        await Nominations.ProposeAsync(factory.ClientFor(Keys.Rep));
        var home = await pm.GetStringAsync("/");

        Assert.Equal(before + 1, Waiting(home));
        Assert.Matches(@"<a class=""card stat"" href=""/nominations""><span class=""value"">\d+</span><span class=""label"">Nominations to review</span></a>", home);
    }

    [Fact]
    public async Task AnOwnersHomeListsTheAccountsTheyOwn()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var id = "home-" + Guid.NewGuid().ToString("N")[..10];
        var body = Samples.Reference(contacts: [("marie", $"marie@{id}.example")]);
        body["account"] = "Owned By Jane " + id;
        body["ownerEmail"] = "jane.csm@demo.local";
        (await pm.PutAsJsonAsync($"/api/references/{id}", body)).EnsureSuccessStatusCode();

        var signedIn = factory.CreateClient();
        (await signedIn.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "jane.csm@demo.local" }))).EnsureSuccessStatusCode();
        var home = await signedIn.GetStringAsync("/");

        Assert.Contains("Your accounts", home, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/references/{id}\">Owned By Jane {id}</a>", home, StringComparison.Ordinal);
    }

    private static int Waiting(string home) => int.Parse(ToReview().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<span class=""value"">(\d+)</span><span class=""label"">Nominations to review</span>")]
    private static partial Regex ToReview();
}
