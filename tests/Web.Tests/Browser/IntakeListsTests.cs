using Microsoft.Playwright;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// Wrong input is caught, not saved, and nobody reads the system's own names: the intake picks country and language
/// from lists by name (so "Germany" cannot become GE), marks what is required, shows no example as if it were a value,
/// says its errors in labels and has Submit at its end; the directory's filters list labels, not enum names.
/// Screenshots at 1,280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntakeListsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheIntakePicksCountryAndLanguageByNameAndSpeaksInLabels()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");
        await browser.GoAsync("/requests/new");

        Assert.Equal("SELECT", await page.EvalOnSelectorAsync<string>("#prospect-country", "e => e.tagName"));
        await page.SelectOptionAsync("#prospect-country", new SelectOptionValue { Label = "Germany" });
        await Assertions.Expect(page.Locator("#prospect-country")).ToHaveValueAsync("DE");
        await page.SelectOptionAsync("#prospect-language", new SelectOptionValue { Label = "German" });
        await Assertions.Expect(page.Locator("#prospect-language")).ToHaveValueAsync("de");
        await Assertions.Expect(page.Locator("#prospect-seniority option", new() { HasText = "C-level" })).ToHaveAttributeAsync("value", "CLevel");
        await Assertions.Expect(page.Locator("#activity option", new() { HasText = "Site visit" })).ToHaveAttributeAsync("value", "SiteVisit");
        Assert.Empty(await OptionTextsAsync(page, "#prospect-seniority, #prospect-persona, #activity", "CLevel", "SiteVisit", "CaseStudy", "AnalystCall"));

        // Required fields are marked; examples live in hints, never in a placeholder that reads like a value.
        await Assertions.Expect(page.Locator("label[for='prospect-country'] .required-mark")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("label[for='prospect-contactTitle'] .required-mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form input[placeholder], form textarea[placeholder]")).ToHaveCountAsync(0);
        await browser.ShotAsync("70-intake-lists");

        // The end of the form has its own Submit; submitted half empty, the errors name the choices by label.
        await page.SetViewportSizeAsync(390, 844);
        var end = page.Locator("#submit-end");
        await end.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(end).ToBeInViewportAsync();
        await end.ClickAsync();
        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Seniority: Required: one of Individual contributor, Manager, Director, VP or C-level.");
        await Assertions.Expect(summary).Not.ToContainTextAsync("CLevel");
        await Assertions.Expect(page.Locator("#prospect-country")).ToHaveValueAsync("DE");
        await browser.ShotAsync("71-intake-errors-390");
    }

    [Fact]
    public async Task TheDirectorysFiltersListLabels()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync("/references");

        await Assertions.Expect(page.Locator("#activity option", new() { HasText = "Site visit" })).ToHaveAttributeAsync("value", "SiteVisit");
        await Assertions.Expect(page.Locator("#activity option", new() { HasText = "Case study" })).ToHaveAttributeAsync("value", "CaseStudy");
        Assert.Empty(await OptionTextsAsync(page, "#activity, #status", "SiteVisit", "CaseStudy", "AnalystCall"));
        await page.SelectOptionAsync("#activity", new SelectOptionValue { Label = "Site visit" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activity")).ToHaveValueAsync("SiteVisit");
        await browser.ShotAsync("72-references-filter-labels");
        await page.SetViewportSizeAsync(390, 844);
        await browser.ShotAsync("73-references-filter-labels-390");
    }

    /// <summary>The options under <paramref name="selects"/> whose text is one of <paramref name="names"/>.</summary>
    private static async Task<IReadOnlyList<string>> OptionTextsAsync(IPage page, string selects, params string[] names)
    {
        var texts = await page.Locator(string.Join(", ", selects.Split(", ").Select(s => s + " option"))).AllInnerTextsAsync();
        return [.. texts.Select(t => t.Trim()).Where(names.Contains)];
    }
}
