using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// A rep proposes a customer, the program manager approves, and the customer says yes from the emailed invitation, in a
/// real browser; every page passes axe-core's WCAG 2 A/AA rules.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NominationPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARepProposesTheProgramManagerApprovesAndTheContactJoins()
    {
        var email = Nominations.Email();
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");
        await browser.GoAsync("/nominations");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Propose a contact" })).ToBeVisibleAsync();
        await browser.ShotAsync("60-nominations-rep");

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact\\.email-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
        await browser.ShotAsync("61-nominations-errors");

        await page.FillAsync("#nom-account-account", "Northwind <Traders>");
        await page.FillAsync("#nom-account-industry", "Logistics");
        await page.FillAsync("#nom-account-employees", "3200");
        await page.SelectOptionAsync("#nom-account-country", new SelectOptionValue { Label = "Germany" });
        await page.FillAsync("#nom-account-ownerEmail", "omar.csm@demo.local");
        await page.FillAsync("#nom-contact-name", "Nina Patel");
        await page.FillAsync("#nom-contact-email", email);
        await page.FillAsync("#nom-contact-title", "Head of Operations");
        await page.SelectOptionAsync("#nom-contact-seniority", "Director");
        await page.SelectOptionAsync("#nom-contact-persona", "Business");
        await page.FillAsync("#nom-contact-timeZone", "Europe/Berlin");
        await page.FillAsync("#nom-contact-languages", "de, en");
        await page.GetByLabel("Reference call", new() { Exact = true }).CheckAsync();
        await page.FillAsync("#nom-contact-topics", "migration, onboarding");
        await page.SelectOptionAsync("#nom-source", "Survey");
        await page.FillAsync("#nom-reason", "Scored us 10 and offered to talk to peers.");
        await page.FillAsync("#nom-quote", "The rollout took weeks, not months.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the program manager will review");
        var id = NominationId().Match(page.Url).Groups[1].Value;
        await browser.ShotAsync("62-nomination-proposed");
        await browser.SignOutAsync();

        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync("/nominations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nina Patel" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite them" })).ToBeVisibleAsync();
        await browser.ShotAsync("63-nomination-review-pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and invite" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the invitation is on its way");
        await browser.GoAsync("/nominations");
        await browser.ShotAsync("64-nominations-pm");

        var token = Outbox.InvitationToken(await Outbox.WaitForAsync(fixture.App.Outbox, id, "Invitation", timeout: TimeSpan.FromSeconds(60)));
        await browser.GoAsync($"/invitations/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What it can mean" })).ToBeVisibleAsync();
        await browser.ShotAsync("65-invitation");

        // The program asks each reference for one call a quarter at most here: a control that can hold one value is not offered.
        await Assertions.Expect(page.Locator("#maxCallsPerQuarter")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("We ask you for at most one call a quarter.")).ToBeVisibleAsync();

        browser.ExpectConsoleError("status of 400 (Bad Request)");
        foreach (var ticked in await page.Locator("input[name=activities]:checked").AllAsync()) await ticked.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I will join" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activities-error")).ToContainTextAsync("Choose at least one activity");
        await browser.ShotAsync("66-invitation-error");
        await page.GetByLabel("Webinars").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I will join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you — welcome aboard" })).ToBeVisibleAsync();
        await browser.ShotAsync("67-invitation-accepted");

        var again = await page.GotoAsync($"/invitations/{token}");
        Assert.Equal(410, again!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have already answered");
        await browser.ErrorPageShotAsync("68-invitation-used");
        var forged = await page.GotoAsync($"/invitations/{token[..^2]}{(token[^2] == 'A' ? "BB" : "AA")}");
        Assert.Equal(400, forged!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link is not valid");
        await browser.ErrorPageShotAsync("69-invitation-invalid");

        await browser.WaitForAsync($"/nominations/{id}", p => p.Locator(".page-header .pill", new() { HasText = "Joined" }));
        await Assertions.Expect(page.GetByText("Joined the directory with consent until")).ToBeVisibleAsync();
        await browser.ShotAsync("70-nomination-joined");
    }

    [Fact]
    public async Task TheProgramManagerDeclinesWithAReasonTheProposerSees()
    {
        using (var rep = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
        {
            rep.DefaultRequestHeaders.Add("X-Api-Key", Keys.Rep2);
            _declined = (string)(await Nominations.ProposeAsync(rep))["id"]!;
        }
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync($"/nominations/{_declined}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#decline-reason-error")).ToBeVisibleAsync();
        await page.FillAsync("#decline-reason", "Their renewal is at risk this quarter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Declined");
        await browser.SignOutAsync();

        await browser.SignInAsync("Sam Rep");
        await browser.GoAsync($"/nominations/{_declined}");
        await Assertions.Expect(page.GetByText("Their renewal is at risk this quarter.").First).ToBeVisibleAsync();
        await browser.ShotAsync("71-nomination-declined-rep");
        var hidden = await page.GotoAsync($"/nominations/{new string('0', 24)}");
        Assert.Equal(404, hidden!.Status);
        await browser.ErrorPageShotAsync("72-nomination-not-found");
    }

    private string _declined = "";

    [GeneratedRegex("/nominations/([0-9a-f]{24})")]
    private static partial Regex NominationId();
}
