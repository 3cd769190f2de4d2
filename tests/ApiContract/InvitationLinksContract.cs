using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// A nominated contact's invitation (/invitations/{token}) on every host: approval emails it; HEAD and GET never act; one POST
/// answers; a yes joins the directory with consent for a year, a no records it; bad, expired or used links are clear pages.
/// </summary>
public abstract class InvitationLinksContract(IApiHost host)
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _browser = host.Anonymous();

    private async Task<(string Id, string Token, JsonObject Nomination)> InvitedAsync(JsonObject? body = null)
    {
        var id = (string)(await Nominations.ProposeAsync(_rep, body))["id"]!;
        var approved = await _pm.PostAsync($"/api/nominations/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var email = await Outbox.WaitForAsync(host.Outbox, id, "Invitation");
        return (id, Outbox.InvitationToken(email), await Nominations.GetAsync(_pm, id));
    }

    private Task<HttpResponseMessage> PostAsync(string token, HttpContent? form) => _browser.PostAsync($"/invitations/{token}", form);

    private async Task<int> ContactsWithEmailAsync(string referenceId, string email)
    {
        var response = await _pm.GetAsync($"/api/references/{referenceId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return 0;
        var account = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return account["contacts"]!.AsArray().Count(c => string.Equals((string?)c!["email"], email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ApprovalEmailsTheInvitationAndHeadAndGetNeverAct()
    {
        var (id, token, nomination) = await InvitedAsync();
        Assert.Equal("Invited", (string?)nomination["state"]);
        var email = await Outbox.WaitForAsync(host.Outbox, id, "Invitation");
        Assert.Equal((string?)nomination["contact"]!["email"], email.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("/preferences/", email.TextBody, StringComparison.Ordinal);

        var head = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/invitations/{token}"));
        var get = await _browser.GetAsync($"/invitations/{token}?decision=accept");
        var html = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
        Assert.Contains("What it can mean", html, StringComparison.Ordinal);
        Assert.Contains("Take a call from a company considering us, now and then.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Call\" checked", html, StringComparison.Ordinal);
        var after = await Nominations.GetAsync(_pm, id);
        Assert.Equal("Invited", (string?)after["state"]);
        Assert.Null(after["answer"]);
        Assert.Equal(0, await ContactsWithEmailAsync((string)nomination["referenceId"]!, (string)nomination["contact"]!["email"]!));
    }

    [Fact]
    public async Task AYesJoinsTheDirectoryOnceWithConsentForAYearAndAWelcomeWithThePreferencesLink()
    {
        var (id, token, nomination) = await InvitedAsync();
        var referenceId = (string)nomination["referenceId"]!;
        var email = (string)nomination["contact"]!["email"]!;

        var yes = await PostAsync(token, Nominations.Accept("1", "Call", "Webinar"));
        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Contains("welcome aboard", await yes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var replay = await PostAsync(token, Nominations.Accept());
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Contains("already answered", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var joined = await Nominations.WaitAsync(_pm, id, n => (string?)n["state"] == "Joined");
        var account = (await _pm.GetFromJsonAsync<JsonObject>($"/api/references/{referenceId}"))!;
        var contact = account["contacts"]!.AsArray().Single(c => (string?)c!["email"] == email)!;
        Assert.Equal((string?)joined["joinedAs"], (string?)contact["contactId"]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd"), (string?)contact["consentExpires"]);
        Assert.Equal(["Call", "Webinar"], contact["activities"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["migration", "onboarding"], contact["topics"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(1, (int?)contact["maxCallsPerQuarter"]);
        Assert.Equal("Fabrikam Clinics", (string?)account["account"]);

        var welcome = await Outbox.WaitForAsync(host.Outbox, id, "Welcome");
        var preferences = Outbox.PreferencesToken(welcome.TextBody!);
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync($"/preferences/{preferences}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _browser.GetAsync($"/invitations/{token}")).StatusCode);
        await Task.Delay(500);
        Assert.Equal(1, await ContactsWithEmailAsync(referenceId, email));
    }

    [Fact]
    public async Task ANoIsRecordedAndNothingJoins()
    {
        var (id, token, nomination) = await InvitedAsync();

        var no = await PostAsync(token, new FormUrlEncodedContent([KeyValuePair.Create("decision", "decline"), KeyValuePair.Create("reason", "Too busy this year")]));

        Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        var declined = await Nominations.WaitAsync(_pm, id, n => (string?)n["state"] == "Declined");
        Assert.False((bool)declined["answer"]!["accepted"]!);
        Assert.Equal(0, await ContactsWithEmailAsync((string)nomination["referenceId"]!, (string)nomination["contact"]!["email"]!));
        await Task.Delay(500);
        Assert.DoesNotContain(Outbox.For(host.Outbox, id), m => m.Headers["X-ReferenceFlow-Kind"] == "Welcome");
    }

    [Fact]
    public async Task TwentyConcurrentPostsOfOneLinkAnswerOnce()
    {
        var (id, token, nomination) = await InvitedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(token, Nominations.Accept())));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Gone));
        await Nominations.WaitAsync(_pm, id, n => (string?)n["state"] == "Joined");
        Assert.Equal(1, await ContactsWithEmailAsync((string)nomination["referenceId"]!, (string)nomination["contact"]!["email"]!));
    }

    [Fact]
    public async Task AForgedExpiredOrForeignTokenIsAClearPageAndChangesNothing()
    {
        var (id, token, nomination) = await InvitedAsync();
        var email = (string)nomination["contact"]!["email"]!;
        var tokens = host.Services.GetRequiredService<ActionTokenService>();
        string Mint(string action, string actor, DateTimeOffset expires) =>
            tokens.Mint(id, new ActionLink(action, NominationEmails.Step, actor, [ActionNames.Accept, ActionNames.Decline], expires), Guid.NewGuid().ToString("N")).Token;
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        var consent = Mint(ActionNames.ReferenceConsent, email, DateTimeOffset.UtcNow.AddDays(1));
        var stranger = Mint(ActionNames.NominationInvitation, "mallory@elsewhere.example", DateTimeOffset.UtcNow.AddDays(1));

        foreach (var bad in new[] { forged, "not-a-token", consent, stranger })
        {
            var get = await _browser.GetAsync($"/invitations/{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Contains("This link is not valid", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(bad, Nominations.Accept())).StatusCode);
        }
        var expired = await PostAsync(Mint(ActionNames.NominationInvitation, email, DateTimeOffset.UtcNow.AddMinutes(-1)), Nominations.Accept());
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // An invitation is no approval link, and the other way round.
        Assert.Equal(HttpStatusCode.BadRequest, (await _browser.PostAsync($"/actions/{token}",
            new FormUrlEncodedContent([KeyValuePair.Create("decision", "accept")]))).StatusCode);
        Assert.Null((await Nominations.GetAsync(_pm, id))["answer"]);
    }

    [Fact]
    public async Task AYesAboveTheProgramsCapOrWithoutAChoiceIsTheFormAgainAndRecordsNothing()
    {
        var (id, token, _) = await InvitedAsync();

        var tooMany = await PostAsync(token, Nominations.Accept("5"));
        var html = await tooMany.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("At most 1 call per quarter: that is the program&#x27;s limit.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(token, new FormUrlEncodedContent([KeyValuePair.Create("decision", "accept")]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(token, new FormUrlEncodedContent([KeyValuePair.Create("decision", "maybe")]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(token, null)).StatusCode);
        var nomination = await Nominations.GetAsync(_pm, id);
        Assert.Equal("Invited", (string?)nomination["state"]);
        Assert.Null(nomination["answer"]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token, Nominations.Accept())).StatusCode);
    }

    [Fact]
    public async Task UserTextIsEscapedOnThePageAndInTheEmail()
    {
        var body = Nominations.New(account: "<script>alert('x')</script> & Co");
        body["quote"] = "<b>bold</b>";
        var (id, token, _) = await InvitedAsync(body);

        var html = await (await _browser.GetAsync($"/invitations/{token}")).Content.ReadAsStringAsync();
        var email = (await Outbox.WaitForAsync(host.Outbox, id, "Invitation")).HtmlBody!;

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", email, StringComparison.Ordinal);
    }
}
