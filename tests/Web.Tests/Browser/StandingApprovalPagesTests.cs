using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// An owner sets a standing approval on their account's page, kept to one contact, a topic, calls and a date; a date in
/// the past is refused with the field named; then they stop it from their home page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StandingApprovalPagesTests(BrowserFixture fixture)
{
    private const string Owner = "omar.csm@demo.local";

    [Fact]
    public async Task AnOwnerSetsAStandingApprovalOnTheAccountPageAndStopsItFromTheirHome()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = $"sa{tag}";
        var directory = fixture.App.Services.GetRequiredService<IReferenceDirectory>();
        ReferenceContact Contact(string contactId, string name) => new(contactId, name, $"{contactId}@{id}.example", "Head of Data",
            Seniority.Director, Persona.Technical, "Asia/Dubai", ["en"], [Activity.Call, Activity.Quote], ["migration"], null, null, new DateOnly(2030, 1, 1));
        await directory.UpsertAsync(new ReferenceAccount(id, $"Standing {tag}", "Logistics", 800, 50_000_000, "AE", ["Analytics Cloud"], [], [], Owner,
            AccountStatus.Active, [Contact("c1", "Layla Nasser"), Contact("c2", "Karim Aziz")]));

        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Omar Haddad");
        await browser.GoAsync($"/references/{id}");
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Standing approval" });
        await Assertions.Expect(card).ToContainTextAsync("Every ask for this account's contacts waits for the owner's yes.");

        await card.GetByText("Set a standing approval").ClickAsync();
        await card.GetByLabel("Only those ticked:").CheckAsync();
        await card.GetByLabel("Layla Nasser").CheckAsync();
        await card.GetByLabel("Only about these topics (optional)").FillAsync("migration");
        await card.GetByLabel("Reference call", new() { Exact = true }).CheckAsync();
        await card.GetByLabel("Until (optional)").FillAsync("2001-01-01");
        await card.GetByRole(AriaRole.Button, new() { Name = "Set the standing approval" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Until: The date is in the past");
        Assert.Null((await directory.GetAsync(id))!.StandingApproval);

        var until = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd");
        await card.GetByLabel("Until (optional)").FillAsync(until);
        await card.GetByRole(AriaRole.Button, new() { Name = "Set the standing approval" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(card).ToContainTextAsync("Asks for Layla Nasser go straight to the contact, within their limit of calls, until ");
        await Assertions.Expect(card).ToContainTextAsync("Only for: reference call. Only about: migration.");
        var rule = (await directory.GetAsync(id))!.StandingApproval!;
        Assert.Equal(["c1"], rule.ContactIds!);
        Assert.Equal(["migration"], rule.Topics!);
        Assert.Equal([Activity.Call], rule.Activities!);
        Assert.Equal((DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), Owner), (rule.Until, rule.SetBy));
        await browser.AssertAccessibleAsync();
        await browser.ShotAsync("96-standing-approval-set");

        await browser.GoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Stop the standing approval for Standing {tag}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Standing approval stopped for Standing {tag}");
        Assert.Null((await directory.GetAsync(id))!.StandingApproval);
        await browser.ShotAsync("97-standing-approval-stopped-home");
    }
}
