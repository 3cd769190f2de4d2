using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// The pages and states the journey tests do not reach pass axe-core's WCAG 2 A/AA rules: the email action pages
/// in each of their answers, deferred and cancelled requests, filters, and the error pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheEmailActionPagesAreAccessibleInEveryAnswer()
    {
        var id = await SubmitAsync(Samples.Intake(crmId: "OPP-A11Y-ACTION"));
        var token = Outbox.ActionToken(await Outbox.WaitForAsync(fixture.App.Outbox, id, "OwnerApproval", timeout: TimeSpan.FromSeconds(60)));
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;

        await browser.GoAsync($"/actions/{token}?decision=decline");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Decline" })).ToBeCheckedAsync();
        await browser.ShotAsync("40-action-preselected");

        // A post without a choice (the browser's own check bypassed) comes back with the form and an alert.
        await browser.GoAsync($"/actions/{token}");
        await page.Locator("form").EvaluateAsync("form => form.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose one of");
        await browser.ErrorPageShotAsync("41-action-no-choice");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Decline" }).CheckAsync();
        await page.FillAsync("#reason", "The customer is in a renewal.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Decline");
        await browser.ShotAsync("42-action-declined");

        var again = await page.GotoAsync($"/actions/{token}");
        Assert.Equal(410, again!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link was already used");
        await browser.ErrorPageShotAsync("43-action-used");

        var invalid = await page.GotoAsync("/actions/not-a-real-token");
        Assert.Equal(400, invalid!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link is not valid");
        await browser.ErrorPageShotAsync("44-action-invalid");
    }

    [Fact]
    public async Task DeferredAndCancelledRequestsFiltersAndErrorPagesAreAccessible()
    {
        var exploring = Samples.Intake(crmId: "OPP-A11Y-DEFER");
        exploring["purpose"] = "Exploring";
        var deferred = await SubmitAsync(exploring);
        var toCancel = await SubmitAsync(Samples.Intake(crmId: "OPP-A11Y-CANCEL"));
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;

        await browser.GoAsync("/signin?error=unknown-user");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await browser.ShotAsync("45-signin-unknown-user");

        await browser.SignInAsync("Riley Rep");
        await browser.WaitForAsync($"/requests/{deferred}", p => p.Locator(".page-header .pill", new() { HasText = "Deferred" }));
        await browser.ShotAsync("46-request-deferred");

        await browser.GoAsync($"/requests/{toCancel}");
        await page.FillAsync("#cancel-reason", "Deal paused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel request" }).ClickAsync();
        // Cancelling tells everyone asked and cannot be undone: it is confirmed first, and nothing changed yet.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cancel this request?");
        await Assertions.Expect(page.Locator(".page-header .pill", new() { HasText = "Cancelled" })).ToHaveCountAsync(0);
        await browser.ShotAsync("47-request-cancel-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await browser.WaitForAsync($"/requests/{toCancel}", p => p.Locator(".page-header .pill", new() { HasText = "Cancelled" }));
        await browser.ShotAsync("47-request-cancelled");

        await browser.GoAsync("/requests");
        await browser.ShotAsync("48-requests-rep");
        await browser.SignOutAsync();

        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync($"/requests/{deferred}");
        await browser.ShotAsync("49-request-deferred-pm");
        await browser.GoAsync("/references?industry=Healthcare&country=FR&status=Active&activity=Call&topic=migration");
        await Assertions.Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        await browser.ShotAsync("50-references-filtered");

        await page.GotoAsync("/error");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Something went wrong on our side");
        await browser.ErrorPageShotAsync("51-error");
    }

    private async Task<string> SubmitAsync(JsonObject intake)
    {
        using var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
        var response = await rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
