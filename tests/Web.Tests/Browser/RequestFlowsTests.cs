using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// Flows without dead ends on the request page: a deferred request says what happened, links its alternatives and asks
/// again; the owner approves or declines on the page; the program manager decides for the owner, asks the next candidate
/// and gives more time. Each at a laptop's width and a phone's, with axe checks and screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestFlowsTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(Layout.Laptop)]
    [InlineData(Layout.Phone)]
    public async Task ADeferredRequestSaysWhatHappenedLinksItsAlternativesAndIsAskedAgain(int width)
    {
        var intake = Samples.Intake(crmId: $"OPP-DEFER-{width}");
        intake["purpose"] = "Exploring";
        var deferred = await SubmitAsync(intake);
        await using var browser = await fixture.OpenAsync(width);
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");

        // As the intake's redirect lands: no success for a request nobody was asked about.
        await browser.GoAsync($"/requests/{deferred}?submitted=1");
        await Assertions.Expect(page.Locator(".notice-success")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deferred: no reference was asked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Case studies from Healthcare customers" }))
            .ToHaveAttributeAsync("href", "/references?activity=CaseStudy&industry=Healthcare");
        await Assertions.Expect(page.GetByText("Nothing happens on its own")).ToBeVisibleAsync();
        Assert.Equal(0, await Layout.PageOverflowAsync(page));
        await browser.ShotAsync($"40-request-deferred-{width}");

        // Asking again opens the intake filled from the deferred request; the rep says what changed and submits.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask again when the deal is ready" }).ClickAsync();
        await Assertions.Expect(page.Locator("#asking-again")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#prospect-company")).ToHaveValueAsync("Acme Health");
        await Assertions.Expect(page.Locator("#opportunity-crmId")).ToHaveValueAsync($"OPP-DEFER-{width}");
        await browser.ShotAsync($"41-request-ask-again-{width}");
        await page.GetByText("Validate specific topics", new() { Exact = true }).ClickAsync();
        // Submitting matches and asks the first owner before the page answers: on a busy machine that outlasts the default 30 s.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).Last.ClickAsync(new() { Timeout = 90_000 });
        await page.WaitForURLAsync(url => url.Contains("submitted=1", StringComparison.Ordinal), new() { Timeout = 90_000 });
        var again = new Uri(page.Url).AbsolutePath;
        Assert.NotEqual($"/requests/{deferred}", again);
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Request submitted");

        // The deferred request points at the one that followed it.
        await browser.GoAsync($"/requests/{deferred}");
        await Assertions.Expect(page.Locator($".asked-again a[href='{again}']")).ToBeVisibleAsync();
        await browser.ShotAsync($"42-request-deferred-asked-again-{width}");
    }

    [Theory]
    [InlineData(Layout.Laptop)]
    [InlineData(Layout.Phone)]
    public async Task TheOwnerApprovesOneRequestAndDeclinesAnotherOnThePage(int width)
    {
        var approve = await AskingTheOwnerAsync($"OPP-OWNER-A-{width}");
        var decline = await AskingTheOwnerAsync($"OPP-OWNER-D-{width}");
        await using var browser = await fixture.OpenAsync(width);
        var page = browser.Page;
        await browser.SignInAsync("Jane Carter");

        await browser.GoAsync($"/requests/{approve}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your approval" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#owner-decision input[name='__RequestVerificationToken']")).ToHaveCountAsync(1);
        Assert.Equal(0, await Layout.PageOverflowAsync(page));
        await browser.ShotAsync($"43-request-owner-decides-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Approved.");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Approved by Jane Carter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your approval" })).ToHaveCountAsync(0);
        await browser.ShotAsync($"44-request-owner-approved-{width}");

        // A decline asks for the reason as the email's page does; it lands on the timeline.
        await browser.GoAsync($"/requests/{decline}");
        await page.FillAsync("#owner-reason", "Renewal talks <this month>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Declined.");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Renewal talks <this month>" })).ToBeVisibleAsync();
        await browser.ShotAsync($"45-request-owner-declined-{width}");
    }

    [Fact]
    public async Task TheRepSeesNoApprovalButtonsOnTheirOwnRequest()
    {
        var id = await AskingTheOwnerAsync("OPP-REP-VIEW");
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");

        await browser.GoAsync($"/requests/{id}");

        await Assertions.Expect(page.Locator(".page-header .pill").First).ToHaveTextAsync("Awaiting the owner");
        await Assertions.Expect(page.Locator("#owner-decision")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#program-manager-steps")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(Layout.Laptop)]
    [InlineData(Layout.Phone)]
    public async Task TheProgramManagerGivesMoreTimeAsksTheNextAndApprovesForTheOwner(int width)
    {
        var id = await AskingTheOwnerAsync($"OPP-PM-{width}");
        var other = await AskingTheOwnerAsync($"OPP-PM-B-{width}");
        await using var browser = await fixture.OpenAsync(width);
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await browser.GoAsync($"/requests/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decide for the owner" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keep it moving" })).ToBeVisibleAsync();
        Assert.Equal(0, await Layout.PageOverflowAsync(page));
        await browser.ShotAsync($"46-request-program-manager-{width}");

        // More time: the timeline says who moved the date, and from when to when.
        var later = DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#extend-neededBy", later);
        await page.GetByRole(AriaRole.Button, new() { Name = "Extend the need-by date" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("need-by date was moved");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Need-by date moved from" })).ToContainTextAsync("by Priya Manager");

        // Stop waiting on the owner: the next candidate's owner is asked.
        await page.FillAsync("#ask-next-reason", "The deal cannot wait for the owner.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask the next candidate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("asking the next candidate");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Priya Manager asked the next candidate" })).ToBeVisibleAsync();
        await browser.ShotAsync($"47-request-program-manager-asked-next-{width}");

        // Deciding for the owner says so on the timeline.
        await browser.GoAsync($"/requests/{other}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve on the owner's behalf" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "on behalf of the owner" })).ToBeVisibleAsync();
        await browser.ShotAsync($"48-request-approved-for-the-owner-{width}");
    }

    // Most requests here stay open and hold a contact each: these tests bring references of their own, once.
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;

    private async Task SeedOwnReferencesAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded) return;
            using var pm = Client(Keys.ProgramManager);
            for (var i = 0; i < 8; i++)
            {
                var body = Samples.Reference(owner: BrowserFixture.OwnerEmail,
                    contacts: [("a", $"a{i}@flows{i}.example"), ("b", $"b{i}@flows{i}.example"), ("c", $"c{i}@flows{i}.example")]);
                body["account"] = $"Flows {i}";
                (await pm.PutAsJsonAsync($"/api/references/flows{i}", body)).EnsureSuccessStatusCode();
            }
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task<string> SubmitAsync(JsonObject intake)
    {
        await SeedOwnReferencesAsync();
        using var rep = Client(Keys.Rep);
        var response = await rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>A rep's request whose first owner (the fixture's owner) is being asked.</summary>
    private async Task<string> AskingTheOwnerAsync(string crmId)
    {
        var id = await SubmitAsync(Samples.Intake(crmId: crmId));
        using var pm = Client(Keys.ProgramManager);
        await TestDirectory.WaitAsync(pm, id, v => v["step"] is not null);
        return id;
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
