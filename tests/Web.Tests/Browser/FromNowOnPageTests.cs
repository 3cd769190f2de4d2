using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>An owner approves an ask from the email link and, with one box, lets the next asks for that contact go straight to them (decision 051).</summary>
[Collection(BrowserCollection.Name)]
public sealed class FromNowOnPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheOwnerApprovesFromNowOnAndTheAccountKeepsTheRule()
    {
        var industry = "Trust" + Guid.NewGuid().ToString("N")[..6];
        var account = industry.ToLowerInvariant();
        using var pm = Client(Keys.ProgramManager);
        var body = Samples.Reference(industry: industry, contacts: [("ingrid", "ingrid@trust.example")]);
        body["contacts"]![0]!["name"] = "Ingrid Berg";
        (await pm.PutAsJsonAsync($"/api/references/{account}", body)).EnsureSuccessStatusCode();
        var intake = Samples.Intake(crmId: $"OPP-{industry}");
        intake["prospect"]!["industry"] = industry;
        using var rep = Client(Keys.Rep);
        var submitted = await rep.PostAsJsonAsync("/api/requests", intake);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var token = Outbox.ActionToken(await Outbox.WaitForAsync(fixture.App.Outbox, id, "OwnerApproval", timeout: TimeSpan.FromSeconds(60)));
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;

        await browser.GoAsync($"/actions/{token}?decision=approve");
        var box = page.GetByLabel("Also approve future asks for Ingrid");
        await Assertions.Expect(box).Not.ToBeCheckedAsync();
        await box.CheckAsync();
        await browser.ShotAsync("45-action-from-now-on");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Approve");
        await Assertions.Expect(page.GetByText("From now on, asks for Ingrid go straight to Ingrid.")).ToBeVisibleAsync();
        await browser.ShotAsync("46-action-from-now-on-set");

        var rule = (await pm.GetFromJsonAsync<JsonObject>($"/api/references/{account}"))!["standingApproval"]!;
        Assert.Equal("ingrid", (string?)rule["contactIds"]!.AsArray().Single());
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
