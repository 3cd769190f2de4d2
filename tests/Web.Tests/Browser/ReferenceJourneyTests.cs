using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>The whole ask in a real browser: form, owner approval from the dev outbox, consent, introduction with its slot.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReferenceJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARepsRequestIsApprovedConsentedAndIntroducedWithASlotOnTheTimeline()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;

        await browser.GoAsync("/signin");
        await browser.ShotAsync("01-signin");
        await browser.SignInAsync("Riley Rep");
        await browser.ShotAsync("02-home-rep");

        // An empty form comes back with a message beside each missing field, and nothing is stored.
        await browser.GoAsync("/requests/new");
        await browser.ShotAsync("03-intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[id='prospect.company-error']")).ToContainTextAsync("Required");
        await Assertions.Expect(page.Locator("#prospect-company")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.ShotAsync("04-intake-errors");

        await FillIntakeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).First.ClickAsync();
        await page.WaitForLoadStateAsync();
        var summary = page.Locator("#error-summary");
        Assert.True(await summary.CountAsync() == 0, "The form was refused: " + (await summary.CountAsync() > 0 ? await summary.InnerTextAsync() : ""));
        await page.WaitForURLAsync(RequestUrl());
        var requestPath = new Uri(page.Url).AbsolutePath;
        // Demo data may send mail of its own: only this request's rows count.
        ILocator Mail(IPage p, string kind) =>
            p.Locator($"tr:has(a[href='{requestPath}'])", new() { HasText = kind }).Locator("td:nth-child(3) a");
        await Assertions.Expect(page.Locator(".page-header .pill").First).ToHaveTextAsync("Awaiting the owner");
        await Assertions.Expect(page.GetByText("Contact details appear once the account owner approves.")).ToBeVisibleAsync();
        await browser.ShotAsync("05-request-submitted");

        // The owner's email, opened in the dev outbox; its approve link shows a page, only the button acts.
        var approval = await browser.WaitForAsync("/dev/outbox", p => Mail(p, "OwnerApproval"));
        await browser.ShotAsync("06-outbox");
        await approval.ClickAsync();
        await Assertions.Expect(page.Locator("iframe.mail-frame")).ToBeVisibleAsync();
        await browser.ShotAsync("07-owner-email");
        await page.GetByRole(AriaRole.Link, new() { Name = "Action link (decision=approve)" }).ClickAsync();
        await browser.ShotAsync("08-owner-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Approve");

        // The reference consents from their own email.
        var consent = await browser.WaitForAsync("/dev/outbox", p => Mail(p, "ReferenceConsent"));
        await consent.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Action link (decision=accept)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("take the call");

        // The introduction carries the invitation; the request page shows the slot and the timeline.
        var introduction = await browser.WaitForAsync("/dev/outbox", p => Mail(p, "Introduction"));
        await introduction.ClickAsync();
        await Assertions.Expect(page.GetByText("METHOD:REQUEST").First).ToBeVisibleAsync();
        await browser.ShotAsync("09-introduction-email");

        await browser.WaitForAsync(requestPath, p => p.Locator(".page-header .pill", new() { HasText = "Introduced" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The call", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Introduced, call proposed for" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Approved by" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".candidate.current dd a[href^='mailto:']")).ToBeVisibleAsync();
        await browser.ShotAsync("10-request-introduced");

        // The slot is a suggestion: the two may already have spoken, so the debrief is open from the introduction on,
        // and the CRM's outcome may come at any time.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit debrief" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Won", Exact = true })).ToBeVisibleAsync();

        // A value the form does not offer (a crafted post) is refused with the field named, never quietly changed.
        await page.EvalOnSelectorAsync("#debrief-gift", "s => { const o = document.createElement('option'); o.value = 'Hacker'; o.text = 'Hacker'; s.add(o); s.value = 'Hacker'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit debrief" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-danger")).ToContainTextAsync("The debrief was not saved. What we give: ");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Debrief by" })).ToHaveCountAsync(0);

        // The debrief thanks the reference, with what we give them; the timeline says so. Then the CRM says the deal is won.
        await page.SelectOptionAsync("#debrief-gift", "EventTicket");
        await page.FillAsync("#debrief-gift-note", "DataConf 2027");
        await page.FillAsync("#debrief-notes", "Strong on the migration story.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit debrief" }).ClickAsync();
        // The slot is still ahead: "it happened" is asked once more, with what was typed kept.
        await Assertions.Expect(page.Locator("#debrief-form .notice-warn")).ToContainTextAsync("which is still ahead");
        await Assertions.Expect(page.Locator("#debrief-notes")).ToHaveValueAsync("Strong on the migration story.");
        await Assertions.Expect(page.Locator(".timeline .what", new() { HasText = "Debrief by" })).ToHaveCountAsync(0);
        await browser.ShotAsync("11-request-debrief-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, the call took place: submit debrief" }).ClickAsync();
        await browser.WaitForAsync(requestPath, p => p.GetByText("Reference thanked with an event ticket (DataConf 2027); the call is credited"));
        await Assertions.Expect(page.Locator("#debrief-done-title")).ToBeVisibleAsync();
        await browser.ShotAsync("11-request-debriefed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Won", Exact = true }).ClickAsync();
        await browser.WaitForAsync(requestPath, p => p.GetByRole(AriaRole.Heading, new() { Name = "Outcome", Exact = true }));
        await browser.ShotAsync("12-request-won");
    }

    private static async Task FillIntakeAsync(IPage page)
    {
        string Date(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByText("Validate specific topics", new() { Exact = true }).ClickAsync();
        await page.FillAsync("#topics", "migration, implementation");
        await page.SelectOptionAsync("#activity", "Call");
        await page.FillAsync("#neededBy", Date(14));
        await page.FillAsync("#opportunity-crmId", "OPP-BROWSER-1");
        await page.FillAsync("#opportunity-name", "Acme Health analytics");
        await page.FillAsync("#opportunity-stage", "Negotiation");
        await page.FillAsync("#opportunity-amountUsd", "250000");
        await page.FillAsync("#opportunity-closeDate", Date(60));
        await page.FillAsync("#prospect-company", "Acme Health");
        await page.FillAsync("#prospect-industry", "Healthcare");
        await page.FillAsync("#prospect-employees", "9000");
        await page.SelectOptionAsync("#prospect-country", new SelectOptionValue { Label = "France" });
        await page.FillAsync("#prospect-products", "Analytics Cloud");
        await page.FillAsync("#prospect-useCase", "claims analytics");
        await page.FillAsync("#prospect-competitor", "LegacyBI");
        await page.FillAsync("#prospect-contactName", "Paul Martin");
        await page.FillAsync("#prospect-contactEmail", "paul@acme.example");
        await page.FillAsync("#prospect-contactTitle", "VP Analytics");
        await page.SelectOptionAsync("#prospect-seniority", "VP");
        await page.SelectOptionAsync("#prospect-persona", "Business");
        await page.FillAsync("#prospect-timeZone", "Europe/Paris");
        await page.SelectOptionAsync("#prospect-language", new SelectOptionValue { Label = "French" });
        foreach (var box in await page.Locator("input[type=checkbox]").AllAsync()) await box.CheckAsync();
        await page.FillAsync("#commitment", "If the migration story holds, we move to redlines.");
    }

    [GeneratedRegex(@"/requests/[0-9a-f]{32}")]
    private static partial Regex RequestUrl();
}
