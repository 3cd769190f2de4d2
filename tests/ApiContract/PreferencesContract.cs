using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// A reference's self-service link (/preferences/{token}) on every host that serves it: HEAD and GET never change
/// anything, POST changes the contact's row and log, a bad or expired link is a clear page that changes nothing.
/// </summary>
public abstract class PreferencesContract(IApiHost host)
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _browser = host.Anonymous();

    /// <summary>An account of the test's own, in an industry nobody else has, so it ranks first for a prospect of that industry.</summary>
    private async Task<(string ReferenceId, string Industry)> AccountAsync(string account = "Contoso Health")
    {
        var id = "pref-" + Guid.NewGuid().ToString("N")[..10];
        var body = Samples.Reference(industry: "Industry " + id, contacts: [("marie", $"marie@{id}.example")]);
        body["account"] = account;
        body["contacts"]![0]!["maxCallsPerQuarter"] = null;
        (await _pm.PutAsJsonAsync($"/api/references/{id}", body)).EnsureSuccessStatusCode();
        return (id, "Industry " + id);
    }

    /// <summary>A request for the test's own account, approved by the owner (whose email carries no settings link), and the consent email.</summary>
    private async Task<(string ReferenceId, string RequestId, MimeKit.MimeMessage Consent)> AskedForConsentAsync()
    {
        var (id, industry) = await AccountAsync();
        var intake = Samples.Intake();
        intake["prospect"]!["industry"] = industry;
        var requestId = (string)(await (await host.ClientFor(Keys.Rep).PostAsJsonAsync("/api/requests", intake)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var ask = await Outbox.WaitForAsync(host.Outbox, requestId, "OwnerApproval");
        Assert.DoesNotContain("/preferences/", ask.TextBody, StringComparison.Ordinal);
        await _browser.PostAsync($"/actions/{Outbox.ActionToken(ask)}", new FormUrlEncodedContent([KeyValuePair.Create("decision", "approve")]));
        return (id, requestId, await Outbox.WaitForAsync(host.Outbox, requestId, "ReferenceConsent"));
    }

    private string Token(string referenceId, DateTimeOffset? expires = null) =>
        host.Services.GetRequiredService<ActionTokenService>()
            .MintPreferences(new ContactKey(referenceId, "marie"), $"marie@{referenceId}.example", expires ?? DateTimeOffset.UtcNow.AddDays(90))
            .AbsolutePath["/preferences/".Length..];

    private async Task<string> ContactJsonAsync(string referenceId) =>
        (await TestDirectory.GetAsync(_pm, $"/api/references/{referenceId}"))["contacts"]![0]!.ToJsonString();

    private Task<HttpResponseMessage> PostAsync(string token, params (string Name, string Value)[] fields) =>
        _browser.PostAsync($"/preferences/{token}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    private static (string, string)[] Save(string pausedUntil = "", string cap = "", params string[] activities) =>
        [("intent", "save"), ("pausedUntil", pausedUntil), ("topics", "migration, implementation"), ("maxCallsPerQuarter", cap),
         .. (activities.Length == 0 ? ["Call", "SiteVisit", "Quote"] : activities).Select(a => ("activities", a))];

    [Fact]
    public async Task HeadAndGetShowTheSettingsAndChangeNothing()
    {
        var (id, _) = await AccountAsync();
        var token = Token(id);
        var before = await ContactJsonAsync(id);

        var head = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/preferences/{token}"));
        var get = await _browser.GetAsync($"/preferences/{token}");
        var html = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
        Assert.Contains("Hello Contact.", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Calls taken</dt><dd>0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Call\" checked", html, StringComparison.Ordinal);
        Assert.Contains("No changes yet.", html, StringComparison.Ordinal);
        Assert.Equal(before, await ContactJsonAsync(id));
    }

    [Fact]
    public async Task APostChangesTheContactAndItsLogAndTheLinkWorksAgain()
    {
        var (id, _) = await AccountAsync();
        var token = Token(id);
        var until = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");

        var saved = await PostAsync(token, Save(until, "1", "Call", "Webinar"));
        var html = await saved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved: Paused until", html, StringComparison.Ordinal);
        var contact = (await TestDirectory.GetAsync(_pm, $"/api/references/{id}"))["contacts"]![0]!;
        Assert.Equal(until, (string?)contact["pausedUntil"]);
        Assert.Equal(1, (int?)contact["maxCallsPerQuarter"]);
        Assert.Equal(["Call", "Webinar"], contact["activities"]!.AsArray().Select(a => (string?)a));
        var again = await (await _browser.GetAsync($"/preferences/{token}")).Content.ReadAsStringAsync();
        Assert.Contains("Activities: Reference call and Webinar", again, StringComparison.Ordinal);
        Assert.Contains("Calls per quarter: at most 1", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingTheFormAsShownChangesNothingAndLogsNothing()
    {
        var (id, _) = await AccountAsync();
        var token = Token(id);
        var before = await ContactJsonAsync(id);
        var page = await (await _browser.GetAsync($"/preferences/{token}")).Content.ReadAsStringAsync();

        // Every field as the page filled it in, decoded as a browser would send it.
        string Value(string pattern) => System.Net.WebUtility.HtmlDecode(Regex.Match(page, pattern).Groups[1].Value);
        var shown = new List<(string, string)>
        {
            ("intent", "save"),
            ("pausedUntil", Value("name=\"pausedUntil\" value=\"([^\"]*)\"")),
            ("topics", Value("name=\"topics\"[^>]*>([^<]*)</textarea>")),
            ("maxCallsPerQuarter", Value("name=\"maxCallsPerQuarter\"[^>]*value=\"([^\"]*)\"")),
        };
        shown.AddRange(Regex.Matches(page, "name=\"activities\" value=\"(\\w+)\" checked").Select(m => ("activities", m.Groups[1].Value)));
        var saved = await (await PostAsync(token, [.. shown])).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Saved:", saved, StringComparison.Ordinal);
        Assert.Contains("No changes yet.", saved, StringComparison.Ordinal);
        Assert.Equal(before, await ContactJsonAsync(id));
    }

    [Fact]
    public async Task CallsPerQuarterAboveTheProgramsCapIsAFieldErrorNamingTheLimit()
    {
        var (id, _) = await AccountAsync();
        var before = await ContactJsonAsync(id);

        var response = await PostAsync(Token(id), Save(cap: "5"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("At most 1 call per quarter: that is the program&#x27;s limit.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"maxCallsPerQuarter\" name=\"maxCallsPerQuarter\" min=\"1\" max=\"1\" value=\"5\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await ContactJsonAsync(id));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Token(id), Save(pausedUntil: "2001-01-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _browser.PostAsync($"/preferences/{Token(id)}", null)).StatusCode);
        Assert.Equal(before, await ContactJsonAsync(id));
    }

    [Fact]
    public async Task AForgedExpiredOrApprovalTokenIsAClearPageAndChangesNothing()
    {
        var (id, _) = await AccountAsync();
        var token = Token(id);
        var before = await ContactJsonAsync(id);
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        var expired = Token(id, DateTimeOffset.UtcNow.AddMinutes(-1));
        var approval = host.Services.GetRequiredService<ActionTokenService>().Mint("req-1",
            new Domain.Messages.ActionLink("reference-consent", "step", $"marie@{id}.example", ["accept", "decline"], DateTimeOffset.UtcNow.AddDays(1)), "tok").Token;

        foreach (var bad in new[] { forged, "not-a-token", approval })
        {
            var get = await _browser.GetAsync($"/preferences/{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Contains("This link is not valid", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(bad, Save(cap: "1"))).StatusCode);
        }
        var late = await PostAsync(expired, Save(cap: "1"));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // And the other way round: a preferences token is no action link.
        Assert.Equal(HttpStatusCode.BadRequest, (await _browser.PostAsync($"/actions/{token}",
            new FormUrlEncodedContent([KeyValuePair.Create("decision", "accept")]))).StatusCode);
        Assert.Equal(before, await ContactJsonAsync(id));
    }

    [Fact]
    public async Task ALinkStopsWorkingWhenItsContactIdComesToNameSomeoneElse()
    {
        var (id, _) = await AccountAsync();
        var token = Token(id);
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync($"/preferences/{token}")).StatusCode);
        // The contact id "marie" is given to another person.
        var body = Samples.Reference(industry: "Industry " + id, contacts: [("marie", $"someone.else@{id}.example")]);
        (await _pm.PutAsJsonAsync($"/api/references/{id}", body)).EnsureSuccessStatusCode();
        var before = await ContactJsonAsync(id);

        var get = await _browser.GetAsync($"/preferences/{token}");
        var post = await PostAsync(token, Save(pausedUntil: DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("someone.else", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ContactJsonAsync(id));
    }

    [Fact]
    public async Task AContactWhoLeavesIsNotRankedForTheNextMatch()
    {
        var rep = host.ClientFor(Keys.Rep);
        var (id, industry) = await AccountAsync();
        var intake = Samples.Intake();
        intake["prospect"]!["industry"] = industry;
        var first = await TestDirectory.GetAsync(rep, (await rep.PostAsJsonAsync("/api/requests", intake)).Headers.Location!.ToString());
        Assert.Equal(id, (string?)first["candidates"]![0]!["referenceId"]);
        (await _pm.PostAsync($"/api/requests/{first["id"]}/cancel", null)).EnsureSuccessStatusCode();

        var unconfirmed = await PostAsync(Token(id), ("intent", "leave"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var left = await PostAsync(Token(id), ("intent", "leave"), ("confirmLeave", "yes"));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("You have left the program", await left.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = await TestDirectory.GetAsync(rep, (await rep.PostAsJsonAsync("/api/requests", intake)).Headers.Location!.ToString());
        Assert.DoesNotContain(second["candidates"]!.AsArray(), c => (string?)c!["referenceId"] == id);
        Assert.Contains("no longer in the program", await (await _browser.GetAsync($"/preferences/{Token(id)}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsentEmailCarriesAWorkingLinkInBothParts()
    {
        var (_, _, consent) = await AskedForConsentAsync();

        var token = Outbox.PreferencesToken(consent.TextBody!);
        Assert.Equal(token, Outbox.PreferencesToken(consent.HtmlBody!));
        Assert.Contains("Manage how often we ask you", consent.TextBody, StringComparison.Ordinal);
        var page = await _browser.GetAsync($"/preferences/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You are a customer reference for ReferenceFlow, from Contoso Health", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferenceWhoLeavesWhileAskedIsLetGoAndTheirOldConsentLinkChangesNothing()
    {
        var rep = host.ClientFor(Keys.Rep);
        var (id, requestId, consent) = await AskedForConsentAsync();
        Assert.Equal($"marie@{id}.example", consent.To.Mailboxes.Single().Address);

        var left = await PostAsync(Outbox.PreferencesToken(consent.TextBody!), ("intent", "leave"), ("confirmLeave", "yes"));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        // The request lets her go and moves on: to another reference, or to the program manager when nobody else fits.
        var view = await TestDirectory.WaitAsync(rep, requestId, v => v["history"]!.AsArray().Any(h => (string?)h!["type"] == "CandidateUnavailable"));
        var withdrawn = view["history"]!.AsArray().First(h => (string?)h!["type"] == "CandidateUnavailable");
        Assert.Contains("left the reference program", (string?)withdrawn!["summary"], StringComparison.Ordinal);
        var late = await _browser.PostAsync($"/actions/{Outbox.ActionToken(consent)}", new FormUrlEncodedContent([KeyValuePair.Create("decision", "accept")]));
        Assert.NotEqual(HttpStatusCode.InternalServerError, late.StatusCode);
        await Task.Delay(500);
        view = await TestDirectory.GetAsync(rep, $"/api/requests/{requestId}");
        Assert.DoesNotContain(view["history"]!.AsArray(), h => (string?)h!["type"] is "ReferenceAccepted" or "SlotProposed");
    }

    [Fact]
    public async Task TheHistoryShowsTheThanksReceivedWithWhatWasGiven()
    {
        var (id, _) = await AccountAsync();
        await host.Services.GetRequiredService<Storage.ReadModels.ThanksLedger>().RecordAsync(new Storage.ReadModels.ThanksRecord(
            id, "marie", "req-1", DateTimeOffset.UtcNow, new Domain.Requests.Gift(Domain.Requests.GiftKind.WhitePaper, "Analyst report")), default);

        var html = await (await _browser.GetAsync($"/preferences/{Token(id)}")).Content.ReadAsStringAsync();

        Assert.Contains("<dt>Thanks received</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li>a white paper (Analyst report), ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserTextIsEscapedOnThePage()
    {
        var (id, _) = await AccountAsync("<script>alert('x')</script> & Co");

        var html = await (await _browser.GetAsync($"/preferences/{Token(id)}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
