using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using static ReferenceFlow.ApiContract.Support.Debriefs;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// What debriefs taught, in a real browser: the requester sees the lesson with the reference's name and the request,
/// another rep sees it without either, the program manager sees the counts; the filters narrow the list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task RepsAndTheProgramManagerFilterInsightsByTopicAndCompetitorAndOnlyTheRequesterSeesWhoSpoke()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string pricing = $"pricing-{tag}", rollout = $"rollout-{tag}", rival = $"Rival{tag}";
        string older, newer;
        using (var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep);
            older = await DebriefedAsync(fixture.App.Services, rep, Intake(rival, pricing, rollout), "Year-two <script>pricing</script>", $"{rival} says we lack SSO");
            newer = await DebriefedAsync(fixture.App.Services, rep, Intake(null, rollout), "Rollout takes a quarter", null);
        }

        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        ILocator Cards() => page.Locator(".insight-list > li", new() { HasText = tag });

        // The requester: both lessons, newest first, with the reference's account and the way back to the request.
        await browser.SignInAsync("Riley Rep");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Insights" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What debriefs taught" })).ToBeVisibleAsync();
        await browser.WaitForAsync($"/insights?topic={rollout}", p => p.Locator(".insight-list > li", new() { HasText = "Rollout takes a quarter" }));
        await Assertions.Expect(Cards()).ToHaveCountAsync(2);
        await Assertions.Expect(Cards().First).ToContainTextAsync("Rollout takes a quarter");
        await Assertions.Expect(Cards().Last).ToContainTextAsync("Year-two <script>pricing</script>");
        await Assertions.Expect(Cards().Last).ToContainTextAsync($"{rival} says we lack SSO");
        // Whichever account the request was introduced with: other tests' accounts share the directory.
        var account = (await RequestStates.LoadAsync(fixture.App.Services, older)).State.Current!.Account.Name;
        await Assertions.Expect(Cards().Last).ToContainTextAsync($"Reference: {account} (");
        await Assertions.Expect(Cards().Last.GetByRole(AriaRole.Link, new() { Name = "Open the request" })).ToHaveAttributeAsync("href", $"/requests/{older}");
        await Assertions.Expect(Cards().First.GetByRole(AriaRole.Link, new() { Name = "Open the request" })).ToHaveAttributeAsync("href", $"/requests/{newer}");
        await browser.ShotAsync("70-insights-rep-topic");

        // The competitor from the form: the filters combine.
        await page.SelectOptionAsync("#competitor", rival);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(Cards()).ToHaveCountAsync(1);
        await Assertions.Expect(Cards()).ToContainTextAsync($"{rival} says we lack SSO");
        await Assertions.Expect(page.Locator("#topic")).ToHaveValueAsync(rollout);
        await Assertions.Expect(page.Locator("#competitor")).ToHaveValueAsync(rival);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 insight matches these filters" })).ToBeVisibleAsync();
        await browser.ShotAsync("71-insights-rep-topic-competitor");
        await browser.SignOutAsync();

        // Another rep: the same lessons, the reference only as an industry and a size, and no link to a request that is not theirs.
        await browser.SignInAsync("Sam Rep");
        await browser.GoAsync("/insights");
        await page.SelectOptionAsync("#topic", pricing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(Cards()).ToHaveCountAsync(1);
        await Assertions.Expect(Cards()).ToContainTextAsync("Reference: a Healthcare customer with 10,000 to 49,999 employees");
        await Assertions.Expect(Cards().GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Assertions.Expect(Cards()).Not.ToContainTextAsync("Reference Reference");
        await browser.ShotAsync("72-insights-other-rep");
        await browser.GoAsync($"/insights?topic=nothing-{tag}");
        await Assertions.Expect(page.GetByText("No insights match these filters")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#topic")).ToHaveValueAsync($"nothing-{tag}");
        await browser.ShotAsync("73-insights-empty");
        await browser.SignOutAsync();

        // The program manager: the counts by topic and competitor link to the list they count.
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync($"/insights?competitor={rival}");
        var byTopic = page.Locator("table", new() { Has = page.GetByText("By topic") });
        await Assertions.Expect(byTopic.Locator("tr", new() { HasText = pricing })).ToContainTextAsync("1");
        await byTopic.GetByRole(AriaRole.Link, new() { Name = rollout }).ClickAsync();
        await Assertions.Expect(page.Locator("#topic")).ToHaveValueAsync(rollout);
        await Assertions.Expect(page.Locator("#competitor")).ToHaveValueAsync(rival);
        await Assertions.Expect(Cards()).ToHaveCountAsync(1);
        await browser.ShotAsync("74-insights-pm-counts");
    }

    [Fact]
    public async Task ACoverageGapOnTheHomePageOpensTheDirectoryFilteredByItsValue()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        var gaps = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Coverage gaps" }) }).Locator("li");
        if (await gaps.CountAsync() == 0) return; // every value covered twice: nothing to follow
        var gap = gaps.First;
        var dimension = (await gap.Locator(".faint").InnerTextAsync()).Trim().ToLowerInvariant();
        var value = (await gap.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await gap.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/references\\?{dimension}="));
        Assert.Equal(value.ToLowerInvariant(), (await page.Locator($"#{dimension}").InputValueAsync()).ToLowerInvariant());
        await browser.ShotAsync("75-references-from-a-gap");
    }
}
