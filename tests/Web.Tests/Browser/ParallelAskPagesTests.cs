using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// Asking several at once as people meet it on the request page: the owner of a candidate asked beside the current one
/// approves there, each candidate shows where their ask stands, and the program manager turns it on for a calm request.
/// Each test brings an industry of its own with two accounts, one for each owner.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParallelAskPagesTests(BrowserFixture fixture)
{
    private async Task<(string Id, string Industry)> SubmitAsync(int neededInDays)
    {
        var industry = "Rush" + Guid.NewGuid().ToString("N")[..6];
        using var pm = fixture.App.ApiClient(Keys.ProgramManager);
        foreach (var (owner, n) in new[] { ("jane.csm@demo.local", 0), ("omar.csm@demo.local", 1) })
        {
            var body = Samples.Reference(owner: owner, industry: industry, contacts: [($"c{n}", $"c{n}@{industry}.example".ToLowerInvariant())]);
            body["account"] = $"{industry} {(n == 0 ? "Jane's" : "Omar's")}";
            (await pm.PutAsJsonAsync($"/api/references/{industry}-{n}", body)).EnsureSuccessStatusCode();
        }
        var intake = Samples.Intake($"OPP-{industry}", neededInDays);
        intake["prospect"]!["industry"] = industry;
        using var rep = fixture.App.ApiClient(Keys.Rep);
        var response = await rep.PostAsJsonAsync("/api/requests", intake);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await TestDirectory.WaitAsync(pm, id, v => v["step"] is not null);
        return (id, industry);
    }

    [Theory]
    [InlineData(Layout.Laptop)]
    [InlineData(Layout.Phone)]
    public async Task TheOwnerAskedBesideApprovesOnThePageAndEachCandidateSaysWhereItStands(int width)
    {
        var (id, industry) = await SubmitAsync(neededInDays: 1);
        await using var browser = await fixture.OpenAsync(width);
        var page = browser.Page;
        await browser.SignInAsync("Omar Haddad");

        await browser.GoAsync($"/requests/{id}");
        var decision = page.Locator("#owner-decision");
        await Assertions.Expect(decision).ToContainTextAsync($"{industry} Omar's");
        await Assertions.Expect(page.Locator(".candidate .pill", new() { HasText = "owner asked" })).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Approved");

        var omars = page.Locator(".candidate", new() { HasText = $"{industry} Omar's" });
        await Assertions.Expect(omars.Locator(".pill", new() { HasText = "approved, reference asked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".candidate", new() { HasText = $"{industry} Jane's" }).Locator(".pill", new() { HasText = "owner asked" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#owner-decision")).ToHaveCountAsync(0);
        // What happens next names the ask beside by its candidate: its timeout lets that candidate go.
        await Assertions.Expect(page.GetByText("Let candidate 2 go if they haven't answered")).ToBeVisibleAsync();
        Assert.Equal(0, await Layout.PageOverflowAsync(page));
        await browser.AssertAccessibleAsync();
        await browser.ShotAsync($"98-request-asked-at-once-{width}");
    }

    [Fact]
    public async Task TheProgramManagerTurnsOnAskingSeveralAtOnce()
    {
        var (id, _) = await SubmitAsync(neededInDays: 30);
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await browser.GoAsync($"/requests/{id}");
        await Assertions.Expect(page.Locator(".candidate .pill", new() { HasText = "owner asked" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask several at once" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("asks several candidates at once");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Priya Manager had the request ask several candidates at once" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask several at once" })).ToHaveCountAsync(0);
        // The candidate check answers a moment later: reload until both owners are asked.
        for (var i = 0; i < 50 && await page.Locator(".candidate .pill", new() { HasText = "owner asked" }).CountAsync() < 2; i++)
        {
            await Task.Delay(200);
            await browser.GoAsync($"/requests/{id}");
        }
        await Assertions.Expect(page.Locator(".candidate .pill", new() { HasText = "owner asked" })).ToHaveCountAsync(2);
        await browser.ShotAsync("99-request-asking-several");
    }
}
