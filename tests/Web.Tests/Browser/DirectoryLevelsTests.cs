using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>The program manager narrows the directory by level and by usage from its filter form, and "load more" keeps the filters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryLevelsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheDirectoryFiltersByLevelAndByNeverAskedAndLoadMoreKeepsTheFilters()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var industry = $"Levels{tag}";
        var directory = fixture.App.Services.GetRequiredService<IReferenceDirectory>();
        ReferenceAccount Account(string id, string name, int? cap, params Activity[] activities) =>
            new(id, name, industry, 800, 50_000_000, "DE", ["Analytics Cloud"], [], [], "pm@demo.local", AccountStatus.Active,
                [new ReferenceContact("c1", $"Lee {name}", $"lee@{id}.example", "Head of Data", Seniority.Director, Persona.Technical, "Europe/Berlin",
                    ["de", "en"], activities, ["migration"], cap, null, new DateOnly(2030, 1, 1))]);
        // 51 never asked who take calls (one more than a page), one who takes calls and is at its cap, one who lends a logo.
        await Parallel.ForEachAsync(Enumerable.Range(1, 51), async (i, ct) =>
            await directory.UpsertAsync(Account($"lv{tag}{i:D2}", $"Level {tag} {i:D2}", null, Activity.Call, Activity.Quote), ct));
        await directory.UpsertAsync(Account($"lv{tag}used", $"Level {tag} 00 used", 1, Activity.Call));
        await directory.UpsertAsync(Account($"lv{tag}logo", $"Level {tag} 00 logo", null, Activity.Logo));
        await fixture.App.Services.GetRequiredService<UsageWriter>().RecordAsync(
            new UsageRecord($"lv{tag}used", "c1", $"req-{tag}", "Call", DateTimeOffset.UtcNow.AddHours(-1), 0m), CancellationToken.None);

        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync($"/references?industry={industry}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "53 accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".level-counts")).ToContainTextAsync("Level 3 · calls");

        await page.SelectOptionAsync("#level", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "52 accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = $"Level {tag} 00 used" })).ToContainTextAsync("At cap");
        await browser.ShotAsync("60-references-level-3");

        await page.SelectOptionAsync("#usage", "neverAsked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "51 accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(51);
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = $"Level {tag} 00 used" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#level")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#usage")).ToHaveValueAsync("neverAsked");
        await Assertions.Expect(page.Locator("#industry")).ToHaveValueAsync(industry);
        await browser.ShotAsync("61-references-level-3-never-asked");

        await page.SelectOptionAsync("#level", "2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("Level 2 · materials");

        await browser.GoAsync($"/references/lv{tag}used");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = $"Lee Level {tag} 00 used" })).ToContainTextAsync("Level 3 · calls");
        await Assertions.Expect(page.GetByRole(AriaRole.Meter)).ToHaveAttributeAsync("aria-valuetext", "1 of 1 calls, at the cap");

        await browser.GoAsync($"/references?industry={industry}&level=9&usage=sometimes");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'9' is not a level");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "53 accounts" })).ToBeVisibleAsync();
        await browser.ShotAsync("62-references-bad-filter");
    }
}
