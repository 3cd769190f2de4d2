using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Workflow.People;
using static ReferenceFlow.Web.Tests.Browser.Layout;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// A browser told it is in Los Angeles (west of UTC) or Tokyo (east) sees a request's call, its facts and its timeline in
/// that zone with the zone named, at a laptop's and a phone's width; the "later than usual" badge says whose hours. A
/// member of staff's browser zone is remembered for the emails written to them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderZonePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARequestPageShowsTimesInTheBrowsersZoneWithTheZoneNamed()
    {
        string id;
        using (var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
            id = await Debriefs.IntroducedAsync(fixture.App.Services, rep, Debriefs.Intake(null, "implementation"));
        }
        var state = (await RequestStates.LoadAsync(fixture.App.Services, id)).State;
        var slot = state.Slot!;

        foreach (var (zoneId, place) in new[] { ("America/Los_Angeles", "los-angeles"), ("Asia/Tokyo", "tokyo") })
        {
            var zone = TimeWords.Zone(zoneId, null);
            foreach (var width in new[] { Laptop, Phone })
            {
                await using var browser = await fixture.OpenAsync(width, timeZone: zoneId);
                var page = browser.Page;
                await browser.SignInAsync("Riley Rep");
                Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "rf-zone" && c.Value == zoneId);

                await browser.GoAsync($"/requests/{id}");

                var call = page.Locator("section[aria-labelledby='slot-title']");
                await Assertions.Expect(call.Locator(".stat time")).ToHaveTextAsync(TimeWords.Span(slot.Start, slot.End, zone));
                await Assertions.Expect(call.Locator(".stat time")).ToHaveAttributeAsync("title", $"{TimeWords.When(slot.Start, zone)} ({TimeWords.Offset(slot.Start, zone)})");
                await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = $"Introduced, call proposed for {TimeWords.When(slot.Start, zone)}" })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("dt:has-text('Submitted') + dd time")).ToHaveTextAsync(TimeWords.When(state.SubmittedAt, zone));
                var text = await page.Locator("main").InnerTextAsync();
                Assert.Contains(TimeWords.ZoneName(zone), text, StringComparison.Ordinal);
                Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
                Assert.Equal(0, await PageOverflowAsync(page));
                await browser.ShotAsync($"95-request-in-{place}-time-{width}");
            }
        }
    }

    [Fact]
    public async Task TheZoneAStaffMembersBrowserIsInIsTheZoneTheirEmailsNameTimesIn()
    {
        var people = fixture.App.Services.GetRequiredService<PeopleDirectory>();
        foreach (var zoneId in new[] { "Asia/Tokyo", "America/Chicago" })
        {
            await using var browser = await fixture.OpenAsync(Laptop, timeZone: zoneId);
            await browser.SignInAsync("Sam Rep");
            await browser.GoAsync("/requests");

            var sam = (await people.FindAsync(["rep2@demo.local"], CancellationToken.None))["rep2@demo.local"];
            Assert.Equal(("Sam Rep", zoneId), (sam.Name, sam.TimeZoneId));
        }
    }
}
