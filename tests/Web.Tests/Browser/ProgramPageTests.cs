using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>/program in a real browser: every chart with its title and its numbers beside it, readable from a phone to a laptop, the date range, and a rep kept out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgramPageTests(BrowserFixture fixture)
{
    private static readonly string[] Charts = ["requests", "fulfil", "calls", "answers", "outcomes", "utilisation", "levels", "gaps"];

    [Fact]
    public async Task TheProgramManagerSeesTheFortnightsFiguresInChartsAndTables()
    {
        await new ProgramFixture(fixture.App.Services, Guid.NewGuid().ToString("N")[..6]).SeedAsync();
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How the reference program is doing" })).ToBeVisibleAsync();
        await browser.ShotAsync("40-program");

        // The range is asked through the form, as a program manager would.
        await page.FillAsync("#from", "2031-03-03");
        await page.FillAsync("#to", "2031-03-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=2031-03-03&to=2031-03-16$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon 3 Mar 2031 to Sun 16 Mar 2031" })).ToBeVisibleAsync();

        foreach (var chart in Charts)
        {
            // An image with a title and a description, and a table beside it.
            var svg = page.Locator($"svg[role=img][aria-labelledby='{chart}-title {chart}-desc']");
            await Assertions.Expect(svg).ToHaveCountAsync(1);
            Assert.False(string.IsNullOrWhiteSpace(await svg.Locator($"#{chart}-title").TextContentAsync()), chart);
            await Assertions.Expect(page.Locator($"#{chart}-table")).ToBeVisibleAsync();
        }
        // Week of 3 March: call held, closed before a call, cancelled; week of 10 March: in progress, unfulfilled, deferred.
        await Assertions.Expect(page.Locator("svg[aria-labelledby='requests-title requests-desc'] rect.chart-bar")).ToHaveCountAsync(6);

        // The hand-worked figures of the fortnight (ProgramApiContract), as the tables show them.
        await ExpectRowAsync(page, "requests", "3 Mar", ["0", "2", "1", "0", "1", "0", "4"]);
        await ExpectRowAsync(page, "requests", "10 Mar", ["1", "0", "0", "1", "0", "1", "3"]);
        await ExpectRowAsync(page, "fulfil", "Median", ["24 h"]);
        await ExpectRowAsync(page, "fulfil", "p90", ["3 days"]);
        await ExpectRowAsync(page, "calls", "3 Mar", ["1"]);
        await ExpectRowAsync(page, "answers", "Owner approved", ["5"]);
        await ExpectRowAsync(page, "answers", "Reference declined", ["1"]);
        await ExpectRowAsync(page, "outcomes", "Won after a call", ["1"]);
        await ExpectRowAsync(page, "outcomes", "Won before a call", ["1"]);
        await Assertions.Expect(page.Locator(".stat", new() { HasText = "Influenced revenue" })).ToContainTextAsync("$100,000");
        await Assertions.Expect(page.Locator(".stat", new() { HasText = "Win rate with references" })).ToContainTextAsync("50%");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Reason" })).ToContainTextAsync("Strong fit for the renewal");
        await Assertions.Expect(page.Locator("#helped-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#thanked-table tbody tr")).ToHaveCountAsync(1);

        // Readable on a laptop and on a phone: chart text at least 11 px as drawn and never cut at an edge, every table
        // whole (the helpers' table fits without scrolling), row headers set like their rows, nothing wider than the window.
        foreach (var width in new[] { Layout.Laptop, Layout.Phone })
        {
            await page.SetViewportSizeAsync(width, 900);
            var smallest = await Layout.SmallestChartTextAsync(page);
            Assert.True(smallest >= 11, $"At {width} px the smallest chart text is {smallest:0.#} px.");
            Assert.Empty(await Layout.CutChartTextAsync(page));
            Assert.Empty(await Layout.ClippedTablesAsync(page));
            Assert.True(await Layout.FitsWithoutScrollingAsync(page, "#helped-table"), $"At {width} px the helpers' table is cut.");
            Assert.Equal("none", await page.Locator("#helped-table tbody th").First.EvaluateAsync<string>("e => getComputedStyle(e).textTransform"));
            Assert.True(await Layout.PageOverflowAsync(page) == 0, $"At {width} px past the edge: {string.Join("; ", await Layout.PastTheEdgeAsync(page))}");
            await browser.ShotAsync($"41-program-fortnight-{width}");
        }
    }

    [Fact]
    public async Task ARangeThatCannotBeShownIsSaidAndTheLastNinetyDaysShown()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await browser.GoAsync("/program?from=2030-03-16&to=2030-03-03");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("To: Must be on or after from (2030-03-16).");
        await Assertions.Expect(page.Locator("#to")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("2030-03-16");
        await browser.ShotAsync("42-program-bad-range");

        await browser.GoAsync("/program?from=2029-01-01&to=2030-06-30");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at most 366");
        await browser.GoAsync("/program?from=tomorrow&to=2030-06-30");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("From: 'tomorrow' is not a date");

        await page.GetByRole(AriaRole.Link, new() { Name = "Last 90 days" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#to")).ToHaveValueAsync(today);
    }

    [Fact]
    public async Task CapacityAheadListsWhatRunsDryAndEachRowLeadsToANominationForIt()
    {
        // Two requests waiting for a reference in an industry with one call left: it runs dry today.
        var industry = $"Dry{Guid.NewGuid().ToString("N")[..6]}";
        var pm = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        pm.DefaultRequestHeaders.Add("X-Api-Key", Keys.ProgramManager);
        await ProgramDirectory.PutAsync(pm, $"acc{industry}", industry, [ProgramDirectory.Contact("a", 1, "Call")]);
        using var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
        for (var i = 0; i < 2; i++)
        {
            var intake = Samples.Intake($"OPP-{industry}-{i}");
            intake["prospect"]!["industry"] = industry;
            (await rep.PostAsJsonAsync("/api/requests", intake)).EnsureSuccessStatusCode();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await pm.GetFromJsonAsync<JsonArray>("/api/program/capacity"))!.Any(r => (string?)r!["value"] == industry && (int)r["openRequests"]! >= 2))
        {
            Assert.True(DateTime.UtcNow < deadline, "The forecast never counted the two requests waiting.");
            await Task.Delay(200);
        }

        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync("/program#capacity");
        var rows = page.Locator("#capacity-table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(rows.First.Locator(".pill")).ToHaveTextAsync("now");
        await browser.ShotAsync("44-program-capacity");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Nominate references" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Propose a contact" })).ToBeVisibleAsync();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var value = query[query.AllKeys.Single()!]!;
        Assert.True(await page.Locator("input").EvaluateAllAsync<bool>("(inputs, v) => inputs.some(i => i.value === v)", value), $"No field holds '{value}'.");
    }

    [Fact]
    public async Task ARepHasNoProgramPage()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Program" })).ToHaveCountAsync(0);

        await page.GotoAsync("/program?from=2031-03-03&to=2031-03-16");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page isn't open to your role" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(0);
        await browser.ErrorPageShotAsync("43-program-rep-forbidden");
    }

    private static async Task ExpectRowAsync(IPage page, string chart, string label, string[] cells)
    {
        var row = page.Locator($"#{chart}-table tbody tr", new() { Has = page.Locator("th", new() { HasText = label }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(cells);
    }
}
