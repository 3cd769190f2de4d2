using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>A reference manages how often we ask them from the link in their email, in a real browser, without signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreferencesPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AReferencePausesWithinTheCapSeesTheChangeLoggedAndLeaves()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        var link = fixture.App.Services.GetRequiredService<ActionTokenService>()
            .MintPreferences(new ContactKey("ref2", "c2"), "c2@ref2.example", DateTimeOffset.UtcNow.AddDays(90));

        await browser.GoAsync(link.AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How often we ask you" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Reference calls with prospects")).ToBeCheckedAsync();
        await browser.ShotAsync("11-preferences");

        // Above the program's cap: the field says the limit, and nothing is saved (the page answers 400, which Chromium logs).
        browser.ExpectConsoleError("status of 400 (Bad Request)");
        await page.FillAsync("#maxCallsPerQuarter", "5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#maxCallsPerQuarter-error")).ToContainTextAsync("At most 1 call per quarter: that is the program's limit.");
        await Assertions.Expect(page.Locator("#maxCallsPerQuarter")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.ShotAsync("12-preferences-error");

        var until = DateTime.UtcNow.AddDays(45);
        await page.FillAsync("#maxCallsPerQuarter", "1");
        await page.FillAsync("#pausedUntil", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Webinars").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Saved: Paused until");
        await Assertions.Expect(page.Locator("table").Last).ToContainTextAsync("Calls per quarter: at most 1");
        await browser.ShotAsync("13-preferences-saved");

        await page.GetByLabel("Yes, I want to leave the reference program").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave the program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have left the program" })).ToBeVisibleAsync();
        await browser.ShotAsync("14-preferences-left");
    }
}
