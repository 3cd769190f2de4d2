using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using static ReferenceFlow.Web.Tests.Browser.Layout;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// Staff are named, not addressed: the request page names the rep and the owner it waits on (from the people directory;
/// here the demo users' names), and the owner reads that it waits on them as "you". No address of ours shows as a name.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleNamedTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARequestPageNamesTheRepAndTheOwnerAndTellsTheOwnerItWaitsOnThem()
    {
        string id;
        using (var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
            var response = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-NAMED"));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var view = await TestDirectory.WaitAsync(rep, id, r => (string?)r["state"] == "AwaitingOwnerApproval");
            Assert.Equal("Riley Rep", (string?)view["requesterName"]);
            Assert.Equal("Jane Carter", (string?)view["waitingOnName"]);
        }

        foreach (var (person, waitingOn) in new[] { ("Jane Carter", "you"), ("Riley Rep", "Jane Carter") })
        {
            foreach (var width in new[] { Laptop, Phone })
            {
                await using var browser = await fixture.OpenAsync(width);
                var page = browser.Page;
                await browser.SignInAsync(person);
                await browser.GoAsync($"/requests/{id}");

                await Assertions.Expect(page.Locator("[data-waiting-on]")).ToHaveTextAsync($"Waiting on {waitingOn}.");
                await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Submitted by Riley Rep for" })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator(".facts dt", new() { HasTextString = "Requested by" }).Locator("xpath=following-sibling::dd[1]"))
                    .ToHaveTextAsync("Riley Rep");
                var text = await page.Locator("main").InnerTextAsync();
                foreach (var address in new[] { "rep@demo.local", "jane.csm" })
                {
                    Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
                }
                await browser.ShotAsync($"95-request-named-{(person == "Jane Carter" ? "owner" : "rep")}-{width}");
            }
        }
    }
}
