using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using Microsoft.Playwright;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>The program manager's pages render, filter and import in a real browser without console errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgramManagerPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheDirectoryFiltersAndShowsAnAccountWithItsCaps()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coverage gaps" })).ToBeVisibleAsync();
        await browser.ShotAsync("20-home-pm");

        // Other tests add accounts that sort first; the search keeps this one's three in view.
        await browser.GoAsync("/references?q=Reference");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "Reference 2" })).ToBeVisibleAsync();
        await browser.ShotAsync("21-references");
        await browser.GoAsync("/references?q=Reference%201");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await browser.GoAsync("/references?q=no-such-reference-anywhere");
        await Assertions.Expect(page.GetByText("No reference matches these filters")).ToBeVisibleAsync();

        await browser.GoAsync("/references/ref1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reference 1", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Meter).First).ToBeVisibleAsync();
        await browser.ShotAsync("22-reference-account");

        await browser.GoAsync("/requests");
        await browser.ShotAsync("23-requests");
    }

    [Fact]
    public async Task AnAccountShowsEachContactsThanksWithWhatWasGiven()
    {
        var ledger = fixture.App.Services.GetRequiredService<ThanksLedger>();
        await ledger.RecordAsync(new ThanksRecord("ref1", "b1", "req-thanks-1", DateTimeOffset.UtcNow.AddDays(-20), null), default);
        await ledger.RecordAsync(new ThanksRecord("ref1", "b1", "req-thanks-2", DateTimeOffset.UtcNow.AddDays(-2),
            new ReferenceFlow.Domain.Requests.Gift(ReferenceFlow.Domain.Requests.GiftKind.EventTicket, "DataConf <2027>")), default);
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await browser.GoAsync("/references/ref1");

        var card = page.Locator("section.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Contact b1" }) });
        // Other browser tests may thank this contact too: look for these two thanks, newest first.
        var mine = card.Locator(".thanks-list li", new() { Has = page.Locator("a[href^='/requests/req-thanks-']") });
        await Assertions.Expect(mine).ToHaveCountAsync(2);
        await Assertions.Expect(mine.First).ToContainTextAsync("an event ticket (DataConf <2027>)");
        await Assertions.Expect(mine.Last).ToContainTextAsync("our thanks, no gift");
        await browser.ShotAsync("32-reference-thanks");
    }

    [Fact]
    public async Task LongListsShowAPageAndLoadMoreWhereTheReaderLeftOff()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var directory = fixture.App.Services.GetRequiredService<IReferenceDirectory>();
        var summaries = fixture.App.Services.GetRequiredService<SummaryWriter>();
        var start = DateTimeOffset.UtcNow.AddYears(-3);
        await Parallel.ForEachAsync(Enumerable.Range(1, 55), async (i, ct) =>
        {
            await directory.UpsertAsync(new ReferenceAccount($"page{tag}{i:D2}", $"Paging {tag} {i:D2}", $"Paging{tag}", 500, 1_000_000, "FR",
                ["Analytics Cloud"], [], [], "pm@demo.local", AccountStatus.Active,
                [new ReferenceContact("c1", "Pat Page", $"pat{i}@page{tag}.example", "CIO", Seniority.CLevel, Persona.Business, "Europe/Paris",
                    ["fr"], [Activity.Call], ["paging"], null, null, new DateOnly(2030, 1, 1), null)], null), ct);
            // Long-closed requests, the oldest of all: they sit at the end of the newest-first list.
            await summaries.WriteAsync(new RequestSummary($"page{tag}{i:D2}", 1, "Closed", "PM@DEMO.LOCAL", start.AddMinutes(i),
                Company: $"Paging {tag} {i:D2}"), ct);
        });
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        await browser.GoAsync($"/references?industry=Paging{tag}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "55 accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(55);
        await Assertions.Expect(page.Locator("#row-51")).ToContainTextAsync($"Paging {tag} 51");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Load more" })).ToHaveCountAsync(0);
        await browser.ShotAsync("29-references-load-more");

        await browser.GoAsync("/requests?shown=5000");
        var total = await page.Locator("tbody tr").CountAsync();
        Assert.True(total >= 55, $"{total} requests shown");
        await Assertions.Expect(page.Locator("tbody tr").Last).ToContainTextAsync($"Paging {tag} 01");
        await browser.GoAsync("/requests");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(Math.Min(total, 50));
        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(Math.Min(total, 100));

        // A count edited by hand shows the first page, on every list that loads more.
        foreach (var list in new[] { "/requests", "/references", "/nominations", "/insights" })
        {
            foreach (var shown in new[] { "abc", "99999999999", "-5" })
            {
                await browser.GoAsync($"{list}?shown={shown}");
            }
        }
    }

    [Fact]
    public async Task ACsvImportPreviewsRowsWithErrorsThenSummarises()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync("/references/import");
        await browser.ShotAsync("24-import");

        const string csv = """
            referenceId,account,industry,employees,annualRevenueUsd,country,products,useCases,migratedFrom,ownerEmail,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities,topics,maxCallsPerQuarter,consentExpires
            imp1,Northwind Logistics,Logistics,3200,400000000,DE,Analytics Cloud,route planning,LegacyBI,omar.csm@demo.local,Active,anna,Anna Schmidt,anna@northwind.example,Head of Data,Director,Technical,Europe/Berlin,de;en,Call;Quote,migration;integration,1,2030-01-31
            imp2,Bad Country Ltd,Retail,50,1000000,XX,Analytics Cloud,,,omar.csm@demo.local,Active,bob,Bob Brown,bob@bad.example,CTO,CLevel,Technical,Europe/London,en,Call,ROI,1,2030-01-31
            """;
        await page.FillAsync("#csv", csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Northwind Logistics")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice-danger")).ToContainTextAsync("Line 3");
        await browser.ShotAsync("25-import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".stat", new() { HasText = "accounts created" })).ToContainTextAsync("1");
        await browser.ShotAsync("26-import-summary");

        await browser.GoAsync("/references/imp1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anna Schmidt" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ALargeImportIsConfirmedOnceAndFollowedOnItsProgressPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = new System.Text.StringBuilder(
            "referenceId,account,industry,employees,annualRevenueUsd,country,products,useCases,migratedFrom,ownerEmail,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities,topics,maxCallsPerQuarter,consentExpires\n");
        for (var i = 0; i < 520; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"lg{tag}{i:D3},Large {tag} {i:D3},Logistics,3200,400000000,DE,Analytics Cloud,route planning,LegacyBI,omar.csm@demo.local,Active,anna,Anna Lang,anna@lg{tag}{i}.example,Head of Data,Director,Technical,Europe/Berlin,de;en,Call,migration,1,2030-01-31\n");
        }
        csv.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"lg{tag}bad,Bad Country Ltd,Retail,50,1000000,XX,Analytics Cloud,,,omar.csm@demo.local,Active,bob,Bob Brown,bob@bad.example,CTO,CLevel,Technical,Europe/London,en,Call,ROI,1,2030-01-31\n");
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");
        await browser.GoAsync("/references/import");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "directory.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The first 100 accounts are shown")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(100);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 520 accounts" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/references/imports/[0-9a-f]{32}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".stat", new() { HasText = "accounts created" })).ToContainTextAsync("520");
        await Assertions.Expect(page.Locator(".notice-danger")).ToContainTextAsync("Line 522");
        await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("value", "521");
        await browser.ShotAsync("32-import-progress-finished");
        await browser.GoAsync($"/references?industry=Logistics&q=Large%20{tag}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "520 accounts" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnOwnerSeesTheirApprovalsAndOnlyTheirAccounts()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Jane Carter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting on your approval" })).ToBeVisibleAsync();
        await browser.ShotAsync("27-home-owner");
        await browser.GoAsync("/references");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My reference accounts" })).ToBeVisibleAsync();
        // Her own accounts name their owner as she reads herself: "you", never her address.
        var rows = await page.Locator("tbody tr").CountAsync();
        Assert.True(rows > 0);
        await Assertions.Expect(page.Locator("tbody tr td:last-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*you\s*$") }))
            .ToHaveCountAsync(rows);
        await Assertions.Expect(page.Locator("tbody", new() { HasText = BrowserFixture.OwnerEmail })).ToHaveCountAsync(0);
        await browser.ShotAsync("28-references-owner");
    }

    [Fact]
    public async Task UnknownPagesAndForbiddenPagesAreFriendly()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Riley Rep");
        var missing = await page.GotoAsync("/requests/0123456789abcdef0123456789abcdef");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" })).ToBeVisibleAsync();
        await browser.ErrorPageShotAsync("30-not-found");

        await page.GotoAsync("/references/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page isn't open to your role" })).ToBeVisibleAsync();
        await browser.ErrorPageShotAsync("31-forbidden");
    }
}
