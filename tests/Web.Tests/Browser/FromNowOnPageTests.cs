using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// An owner approves an ask and, with one box, lets the next asks for that contact go straight to them (decision 051):
/// from the email's link page, without signing in, and on the request page, signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FromNowOnPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheOwnerApprovesFromNowOnFromTheEmailLink()
    {
        var (account, id) = await AskingTheOwnerAboutIngridAsync();
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

        Assert.Equal("ingrid", await RuleContactAsync(account));
    }

    [Fact]
    public async Task TheOwnerApprovesFromNowOnOnTheRequestPage()
    {
        var (account, id) = await AskingTheOwnerAboutIngridAsync();
        await Outbox.WaitForAsync(fixture.App.Outbox, id, "OwnerApproval", timeout: TimeSpan.FromSeconds(60));
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Jane Carter");

        await browser.GoAsync($"/requests/{id}");
        await page.GetByLabel("Also approve future asks for Ingrid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Future asks for this contact will go straight to them");
        await browser.ShotAsync("47-request-owner-approved-from-now-on");
        Assert.Equal("ingrid", await RuleContactAsync(account));

        // The owner's home lists the rule by whom it covers, with its Stop.
        await browser.GoAsync("/");
        var owned = page.Locator("li", new() { HasText = "Contoso Health" }).Filter(new() { HasText = "Standing approval for Ingrid" });
        await Assertions.Expect(owned.First).ToBeVisibleAsync();
    }

    /// <summary>A request whose owner, Jane, is asked about Ingrid: an account of an industry of its own, with no rule.</summary>
    private async Task<(string Account, string RequestId)> AskingTheOwnerAboutIngridAsync()
    {
        var industry = "Trust" + Guid.NewGuid().ToString("N")[..6];
        var account = industry.ToLowerInvariant();
        using var pm = fixture.App.ApiClient(Keys.ProgramManager);
        var body = Samples.Reference(industry: industry, contacts: [("ingrid", "ingrid@trust.example")]);
        body["contacts"]![0]!["name"] = "Ingrid Berg";
        (await pm.PutAsJsonAsync($"/api/references/{account}", body)).EnsureSuccessStatusCode();
        var intake = Samples.Intake(crmId: $"OPP-{industry}");
        intake["prospect"]!["industry"] = industry;
        using var rep = fixture.App.ApiClient(Keys.Rep);
        var submitted = await rep.PostAsJsonAsync("/api/requests", intake);
        return (account, (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    private async Task<string?> RuleContactAsync(string account)
    {
        using var pm = fixture.App.ApiClient(Keys.ProgramManager);
        var rule = (await pm.GetFromJsonAsync<JsonObject>($"/api/references/{account}"))!["standingApproval"];
        return (string?)rule?["contactIds"]?.AsArray().Single();
    }
}
