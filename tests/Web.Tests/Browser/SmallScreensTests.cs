using System.Net;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using static ReferenceFlow.Web.Tests.Browser.Layout;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// Each role's pages at a laptop's 1,280 px and a phone's 390 px: the nav in one row on the laptop, nothing wider than
/// the phone, a request's debrief and outcome before its candidates, the dev outbox, and the app's own 404 page.
/// The program page's charts and tables are measured in <see cref="ProgramPageTests"/>, on its seeded fortnight.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreensTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> People => new()
    {
        { "Priya Manager", "pm" }, { "Riley Rep", "rep" }, { "Jane Carter", "owner" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task TheNavFitsOneRowOnALaptopAndThePhoneNeverScrollsSideways(string name, string role)
    {
        foreach (var width in new[] { Laptop, Phone })
        {
            await using var browser = await fixture.OpenAsync(width);
            var page = browser.Page;
            await browser.SignInAsync(name);
            if (width == Laptop)
            {
                // The brand, every link and the signed-in person on one line.
                Assert.Single(await RowTopsAsync(page, ".nav a"));
                var bar = await page.Locator(".topbar-inner").BoundingBoxAsync();
                Assert.True(bar!.Height < 70, $"The top bar is {bar.Height} px high for {name}: it wrapped.");
            }
            Assert.Equal(0, await PageOverflowAsync(page));
            await browser.ShotAsync($"90-home-{role}-{width}");
        }
    }

    [Fact]
    public async Task OnAPhoneARequestShowsTheDebriefAndOutcomeBeforeItsCandidatesAndTheOutboxFits()
    {
        string id;
        using (var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
            id = await Debriefs.IntroducedAsync(fixture.App.Services, rep, Debriefs.Intake(null, "implementation"));
        }
        foreach (var width in new[] { Laptop, Phone })
        {
            await using var browser = await fixture.OpenAsync(width);
            var page = browser.Page;
            await browser.SignInAsync("Riley Rep");
            await browser.GoAsync($"/requests/{id}");

            var candidates = await TopAsync(page.GetByRole(AriaRole.Heading, new() { Name = "Candidates" }));
            var debrief = await TopAsync(page.GetByRole(AriaRole.Heading, new() { Name = "Debrief the call" }));
            var outcome = await TopAsync(page.GetByRole(AriaRole.Heading, new() { Name = "Record the outcome" }));
            if (width == Phone)
            {
                Assert.True(debrief < candidates, $"On a phone the debrief is at {debrief} px, after the candidates at {candidates} px.");
                Assert.True(outcome < candidates, $"On a phone the outcome is at {outcome} px, after the candidates at {candidates} px.");
            }
            Assert.Equal(0, await PageOverflowAsync(page));
            Assert.Empty(await ClippedTablesAsync(page));
            await browser.ShotAsync($"91-request-introduced-{width}");

            await browser.GoAsync("/dev/outbox");
            Assert.Equal(0, await PageOverflowAsync(page));
            Assert.Empty(await ClippedTablesAsync(page));
            await browser.ShotAsync($"92-dev-outbox-{width}");
            await page.Locator("tbody a[href^='/dev/outbox/']").First.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/dev/outbox/", StringComparison.Ordinal));
            Assert.Equal(0, await PageOverflowAsync(page));
            await browser.ShotAsync($"93-dev-outbox-message-{width}");
        }
    }

    [Fact]
    public async Task AnUnknownAddressShowsTheAppsOwn404PageAndTheApiKeepsProblemDetails()
    {
        foreach (var width in new[] { Laptop, Phone })
        {
            await using var browser = await fixture.OpenAsync(width);
            var page = browser.Page;
            await browser.SignInAsync("Riley Rep");

            var response = await page.GotoAsync("/no-such-page/at-all");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" })).ToBeVisibleAsync();
            // In the app's layout: its navigation, and a way home.
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Requests" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go home" })).ToHaveAttributeAsync("href", "/");
            Assert.Equal(0, await PageOverflowAsync(page));
            await browser.ErrorPageShotAsync($"94-not-found-{width}");
        }

        using var pm = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        pm.DefaultRequestHeaders.Add("X-Api-Key", Keys.ProgramManager);
        var api = await pm.GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
