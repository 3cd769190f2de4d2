using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>The program manager erases a contact from the erasure page, with a confirmation step; the request they were
/// part of says a participant was erased and shows their name and address nowhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErasurePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheProgramManagerErasesAContactAfterConfirmingAndTheRequestSaysSo()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"noor.{tag}@lagoon.example";
        var name = $"Noor Haddad {tag}";
        var industry = $"Pearl farming {tag}";
        using var pm = fixture.App.ApiClient(Keys.ProgramManager);
        var body = Samples.Reference(industry: industry, contacts: [("c1", email)]);
        body["account"] = $"Lagoon {tag}";
        body["contacts"]![0]!["name"] = name;
        Assert.True((await pm.PutAsJsonAsync($"/api/references/lagoon{tag}", body)).IsSuccessStatusCode);
        var intake = Samples.Intake("OPP-PAGE-" + tag);
        intake["prospect"]!["industry"] = industry;
        using var rep = fixture.App.ApiClient(Keys.Rep);
        var submitted = await rep.PostAsJsonAsync("/api/requests", intake);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await RequestStates.WaitAsync(fixture.App.Services, id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/requests/{id}/cancel", null)).StatusCode);
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync("Priya Manager");

        // Reached from the program page, not the top bar: it is rare, and grave.
        await browser.GoAsync("/program");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase a contact" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/program/erasure$"));
        await page.GetByLabel("The contact's email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Look them up" }).ClickAsync();
        await Assertions.Expect(page.GetByText(name)).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ShotAsync("60-erasure-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The contact was erased" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-pseudonym]")).ToContainTextAsync("Erased contact ");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = id })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ShotAsync("61-erasure-done");

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-erased]")).ToContainTextAsync("A participant was erased.");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        await browser.ShotAsync("62-request-participant-erased");
    }
}
