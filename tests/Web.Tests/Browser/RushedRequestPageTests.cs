using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// A request needed today, as the program manager reads its page at 1,280 and 390 px: what happens next falls before the
/// need-by date, or, with no time to wait for the owner, the timeline says the program manager was told at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RushedRequestPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARushedRequestsTimersReadAsWhatHappensNextBeforeItsDate()
    {
        var (id, request) = await SubmitNeededTodayAsync();
        var kinds = request["timers"]!.AsArray().Select(t => (string)t!["kind"]!).ToList();
        var escalatedAtOnce = !kinds.Contains(TimerKinds.OwnerEscalation);
        var endOfToday = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1);
        if (escalatedAtOnce)
        {
            // Asked at the end of a working day, or on a weekend: no time to wait, only the move-on is left; one per
            // candidate asked, since a rushed request asks two at once when two are free (decision 041).
            Assert.Equal([TimerKinds.OwnerApprovalTimeout], kinds.Distinct());
        }
        else
        {
            // Early on a working day: the owner gets the first half of what is left of it.
            Assert.All(request["timers"]!.AsArray(), t => Assert.True(
                DateTimeOffset.Parse((string)t!["dueAt"]!, CultureInfo.InvariantCulture) < endOfToday, $"{t["kind"]} is due after today"));
        }

        foreach (var width in new[] { Layout.Laptop, Layout.Phone })
        {
            await using var browser = await fixture.OpenAsync(width);
            var page = browser.Page;
            await browser.SignInAsync("Priya Manager");
            await browser.GoAsync($"/requests/{id}");

            await Assertions.Expect(page.Locator(".page-header .pill", new() { HasText = "Rushed" })).ToBeVisibleAsync();
            var next = page.GetByRole(AriaRole.List, new() { Name = "Timers due" });
            foreach (var kind in kinds)
            {
                await Assertions.Expect(next).ToContainTextAsync(TimerKinds.Text(kind));
            }
            foreach (var kind in kinds)
            {
                await Assertions.Expect(next).Not.ToContainTextAsync(kind); // what it will do, never the kind's name
            }
            if (escalatedAtOnce)
            {
                await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Escalated to the program manager at once" })).ToBeVisibleAsync();
            }
            Assert.Equal(0, await Layout.PageOverflowAsync(page));
            await browser.ShotAsync($"97-request-rushed-{width}");
        }
    }

    private async Task<(string Id, JsonObject Request)> SubmitNeededTodayAsync()
    {
        // A reference of its own: other browser tests' requests hold the shared ones.
        using (var pm = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            pm.DefaultRequestHeaders.Add("X-Api-Key", Keys.ProgramManager);
            var tag = Guid.NewGuid().ToString("N")[..8];
            (await pm.PutAsJsonAsync($"/api/references/rushed{tag}", Samples.Reference(owner: BrowserFixture.OwnerEmail, contacts: [("rita", $"rita@{tag}.example")])))
                .EnsureSuccessStatusCode();
        }
        using var api = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
        var response = await api.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-RUSHED-1", neededInDays: 0));
        response.EnsureSuccessStatusCode();
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return (id, (await api.GetFromJsonAsync<JsonObject>($"/api/requests/{id}"))!);
    }
}
