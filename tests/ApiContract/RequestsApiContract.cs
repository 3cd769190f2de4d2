using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>/api/requests and the outcome webhook, the same requests and answers on every host that serves the API (directory seeded).</summary>
public abstract class RequestsApiContract(IApiHost host)
{
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _rep2 = host.ClientFor(Keys.Rep2);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    private async Task<string> SubmitAsync(JsonObject? intake = null)
    {
        var response = await _rep.PostAsJsonAsync("/api/requests", intake ?? Samples.Intake());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    [Fact]
    public async Task SubmitAnswers202WithLocationAndTheNewState()
    {
        var response = await _rep.PostAsJsonAsync("/api/requests", Samples.Intake());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/requests/{body!["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal("AwaitingOwnerApproval", (string?)body["state"]);
        // Readable at once, before the workflow recorded its first decision.
        var view = await TestDirectory.GetAsync(_rep, response.Headers.Location!.OriginalString);
        Assert.NotEmpty(view["candidates"]!.AsArray());
        view = await TestDirectory.WaitAsync(_rep, (string)body["id"]!, v => v["history"]!.AsArray().Count > 0);
        Assert.Equal("RequestSubmitted", (string?)view["history"]![0]!["type"]);
        Assert.Contains(view["timers"]!.AsArray(), t => (string?)t!["kind"] == "OwnerReminder");
    }

    [Fact]
    public async Task TheSameIdempotencyKeyFromTheSameUserReturnsTheSameRequest()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await PostWithKeyAsync(_rep, key);
        var again = await PostWithKeyAsync(_rep, key);
        var otherUser = await PostWithKeyAsync(_rep2, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(id, (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        Assert.Equal(HttpStatusCode.Accepted, otherUser.StatusCode);
        Assert.NotEqual(id, (string)(await otherUser.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        await Task.Delay(500);
        Assert.Single(Outbox.For(host.Outbox, id).Where(m => m.Headers["X-ReferenceFlow-Kind"] == "OwnerApproval").DistinctBy(m => m.MessageId));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a-key-longer-than-the-128-characters-allowed-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    [InlineData("ключ")]
    public async Task AMalformedIdempotencyKeyIs400NamingTheHeader(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(Samples.Intake()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.SendAsync(request));
        Assert.Equal(["Idempotency-Key"], errors.Keys);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(Samples.Intake()) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task InvalidIntakeIs400WithErrorsKeyedByFieldAndNothingIsStored()
    {
        var intake = Samples.Intake(crmId: "OPP-INVALID");
        intake["prospect"]!["country"] = "France";
        intake["prospect"]!["timeZone"] = "CET-ish";
        intake["prospect"]!["contactEmail"] = "paul at acme";
        intake["neededBy"] = "2001-01-01";
        intake["purpose"] = "JustCurious";
        intake["opportunity"]!["crmId"] = "";

        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/requests", intake));

        Assert.Equal(
            new[] { "neededBy", "opportunity.crmId", "prospect.contactEmail", "prospect.country", "prospect.timeZone", "purpose" },
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
        var mine = await _rep.GetFromJsonAsync<JsonArray>("/api/requests?mine=true");
        Assert.DoesNotContain(mine!, r => (string?)r!["crmId"] == "OPP-INVALID");
    }

    [Fact]
    public async Task MalformedJsonIs400NamingTheField()
    {
        var intake = Samples.Intake();
        intake["prospect"]!["employees"] = "lots";
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/requests", intake));
        Assert.Equal(["prospect.employees"], errors.Keys);
    }

    [Fact]
    public async Task BodiesOver64KiBAre413()
    {
        var intake = Samples.Intake();
        intake["commitment"] = new string('c', 65 * 1024);
        var response = await _rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnExploringRequestIsDeferredWithAlternatives()
    {
        var intake = Samples.Intake();
        intake["purpose"] = "Exploring";
        var id = await SubmitAsync(intake);
        var view = await TestDirectory.GetAsync(_rep, $"/api/requests/{id}");
        Assert.Equal("Deferred", (string?)view["state"]);
        Assert.False(string.IsNullOrEmpty((string?)view["reason"]));
        Assert.NotEmpty(view["alternatives"]!.AsArray());
    }

    [Fact]
    public async Task UnknownRequestsAre404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _rep.GetAsync("/api/requests/no-such-request")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _rep.PostAsync("/api/requests/no-such-request/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.PostAsJsonAsync("/api/requests/no-such-request/debrief",
            new { happened = true, metNeeds = true })).StatusCode);
    }

    [Fact]
    public async Task AnotherRepCannotSeeOrCancelARequestButTheProgramManagerCan()
    {
        var id = await SubmitAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _rep2.GetAsync($"/api/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _rep2.PostAsync($"/api/requests/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _pm.GetAsync($"/api/requests/{id}")).StatusCode);

        var cancelled = await _pm.PostAsync($"/api/requests/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (string?)(await cancelled.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
    }

    [Fact]
    public async Task ACommandTheStateDoesNotAllowIs409ProblemDetails()
    {
        var id = await SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, (await _rep.PostAsync($"/api/requests/{id}/cancel", null)).StatusCode);

        var again = await _rep.PostAsJsonAsync($"/api/requests/{id}/debrief", new { happened = true, metNeeds = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith("application/problem+json", again.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompletedRequestOffersNoCancelAndRefusesOneWith409SayingWhy()
    {
        // Its call is behind it and only the deal's outcome is to come: the page shows no Cancel, and the API agrees.
        var id = await Debriefs.DebriefedAsync(host.Services, _rep, Samples.Intake("OPP-CANCEL-" + Guid.NewGuid().ToString("N")[..6]), null, null);
        var view = await TestDirectory.GetAsync(_rep, $"/api/requests/{id}");
        Assert.Equal("Completed", (string?)view["state"]);
        Assert.False((bool)view["can"]!["cancel"]!);

        var refused = await ProblemAssert.IsAsync(await _rep.PostAsync($"/api/requests/{id}/cancel", null), HttpStatusCode.Conflict);

        Assert.Contains("only the deal's outcome is to come", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Equal("Completed", (string?)(await TestDirectory.GetAsync(_rep, $"/api/requests/{id}"))["state"]);
    }

    [Fact]
    public async Task DebriefWithoutAnswersIs400ByField()
    {
        var id = await SubmitAsync();
        var errors = await ProblemAssert.ValidationErrorsAsync(
            await _rep.PostAsync($"/api/requests/{id}/debrief", new StringContent("{\"notes\":\"x\"}", Encoding.UTF8, "application/json")));
        Assert.Equal(["happened", "metNeeds"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task AGiftThatIsNotOneWeKnowIs400NamingTheField()
    {
        var id = await SubmitAsync();
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync($"/api/requests/{id}/debrief",
            new { happened = true, metNeeds = true, gift = new { kind = "Yacht", note = new string('x', 201) } }));
        Assert.Equal(["gift.kind", "gift.note"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("A white paper, An event ticket, A speaking slot or Something else", errors["gift.kind"][0], StringComparison.Ordinal);
        var noCall = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync($"/api/requests/{id}/debrief",
            new { happened = false, metNeeds = false, gift = new { kind = "WhitePaper" } }));
        Assert.Equal(["gift"], noCall.Keys.ToArray());
    }

    [Fact]
    public async Task ADebriefWithAGiftThanksTheReferenceWithItAndTheThanksAreCounted()
    {
        var id = await Debriefs.IntroducedAsync(host.Services, _rep, Samples.Intake());
        var state = (await RequestStates.LoadAsync(host.Services, id)).State;

        var debrief = await _rep.PostAsJsonAsync($"/api/requests/{id}/debrief",
            new { happened = true, metNeeds = true, gift = new { kind = "EventTicket", note = "DataConf 2027" } });

        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        var view = await TestDirectory.WaitAsync(_rep, id, v => (string?)v["state"] == "Completed");
        Assert.Contains(view["history"]!.AsArray(), h => (string?)h!["summary"] == "Reference thanked with an event ticket (DataConf 2027); the call is credited");
        var thankYou = await Outbox.WaitForAsync(host.Outbox, id, "ThankYou");
        Assert.Contains("we would like to offer you an event ticket (DataConf 2027)", thankYou.TextBody, StringComparison.Ordinal);
        var ledger = host.Services.GetRequiredService<ReferenceFlow.Storage.ReadModels.ThanksLedger>();
        var thanks = Assert.Single(await ledger.ForContactsAsync([state.Current!.Key], default), t => t.RequestId == id);
        Assert.Equal(new Gift(GiftKind.EventTicket, "DataConf 2027"), thanks.Gift);
        Assert.True((await ledger.TallyAsync(default)).PerGift["EventTicket"] >= 1);
    }

    [Fact]
    public async Task ContactDetailsAreHiddenFromTheRepUntilTheOwnerApproves()
    {
        var id = await SubmitAsync();
        var asRep = await TestDirectory.GetAsync(_rep, $"/api/requests/{id}");
        Assert.All(asRep["candidates"]!.AsArray(), c =>
        {
            Assert.Null(c!["contact"]);
            Assert.False(string.IsNullOrEmpty((string?)c["account"]));
            Assert.True((double)c["score"]! > 0);
        });
        Assert.DoesNotContain("@ref", asRep.ToJsonString(), StringComparison.Ordinal);
        var asPm = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        Assert.All(asPm["candidates"]!.AsArray(), c => Assert.NotNull(c!["contact"]?["email"]));

        var workflow = host.Services.GetRequiredService<ReferenceFlow.Workflow.Requests.RequestWorkflow>();
        var state = (await RequestStates.LoadAsync(host.Services, id)).State;
        await workflow.SendAsync(id, new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), default);

        var approved = await TestDirectory.WaitAsync(_rep, id, v => (string?)v["state"] == "AwaitingReferenceConsent");
        var current = (string)approved["current"]!["contactId"]!;
        foreach (var c in approved["candidates"]!.AsArray())
        {
            var details = c!["contact"];
            if ((string?)c["contactId"] == current && (string?)c["referenceId"] == (string?)approved["current"]!["referenceId"])
            {
                Assert.Equal(state.Current.Contact.Email, (string?)details!["email"]);
            }
            else
            {
                Assert.Null(details);
            }
        }
    }

    [Fact]
    public async Task ListShowsARepOnlyTheirOwnAndFiltersByState()
    {
        var id = await SubmitAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray? mine;
        do
        {
            mine = await _rep.GetFromJsonAsync<JsonArray>("/api/requests?mine=true&state=AwaitingOwnerApproval");
        }
        while (!mine!.Any(r => (string?)r!["id"] == id) && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains(mine!, r => (string?)r!["id"] == id);
        Assert.All(mine!, r => Assert.Equal("AwaitingOwnerApproval", (string?)r!["state"]));
        // "Open" and "needs attention" come with each row, as the Domain defines them, so no client recomputes them.
        var row = mine!.Single(r => (string?)r!["id"] == id)!;
        Assert.Equal((true, false), ((bool)row["open"]!, (bool)row["needsAttention"]!));

        var others = await _rep2.GetFromJsonAsync<JsonArray>("/api/requests");
        Assert.DoesNotContain(others!, r => (string?)r!["id"] == id);
        var all = await _pm.GetFromJsonAsync<JsonArray>("/api/requests");
        Assert.Contains(all!, r => (string?)r!["id"] == id);
        await ProblemAssert.ValidationErrorsAsync(await _rep.GetAsync("/api/requests?state=Sleeping"));
    }

    [Fact]
    public async Task ListsArePagedNewestFirstWithTheNextPageInTheLinkHeader()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _rep2.PostAsJsonAsync("/api/requests", Samples.Intake($"OPP-PAGE-{i}"))).StatusCode);
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray? everything;
        do
        {
            everything = await _rep2.GetFromJsonAsync<JsonArray>("/api/requests?pageSize=500");
        }
        while (everything!.Count(r => ((string?)r!["crmId"])?.StartsWith("OPP-PAGE-", StringComparison.Ordinal) == true) < 3
               && DateTime.UtcNow < deadline && await Delay());
        var expected = everything!.Select(r => (string)r!["id"]!).ToList();
        Assert.True(expected.Count >= 3);
        var submitted = everything!.Select(r => (DateTimeOffset)r!["submittedAt"]!).ToList();
        Assert.Equal(submitted.OrderDescending(), submitted);

        var seen = new List<string>();
        var next = "/api/requests?pageSize=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await _rep2.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.InRange(page.Count, 1, 2);
            seen.AddRange(page.Select(r => (string)r!["id"]!));
            next = response.Headers.TryGetValues("Link", out var links) ? NextLink(links.Single()) : null;
            Assert.True(next is null || page.Count == 2, "only the last page may be short");
            pages++;
        }
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 1) / 2, pages);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuation=not%20a%20token!", "continuation")]
    public async Task ABadPageSizeOrContinuationIs400NamingIt(string query, string field)
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync($"/api/requests?{query}"));
        Assert.Equal([field], errors.Keys);
    }

    /// <summary>The target of a <c>Link: &lt;…&gt;; rel="next"</c> header (RFC 8288).</summary>
    internal static string NextLink(string header)
    {
        Assert.EndsWith("; rel=\"next\"", header, StringComparison.Ordinal);
        return header[(header.IndexOf('<', StringComparison.Ordinal) + 1)..header.IndexOf('>', StringComparison.Ordinal)];
    }

    [Fact]
    public async Task OutcomeForAnUnknownOpportunityIs404AndABadOutcomeIs400()
    {
        var crm = host.ClientFor(Keys.Crm);
        Assert.Equal(HttpStatusCode.NotFound, (await crm.PostAsJsonAsync("/api/opportunities/OPP-NOPE/outcome", new { outcome = "Won" })).StatusCode);
        // Longer than any id the intake takes, and longer than a storage key: still a plain 404.
        await ProblemAssert.IsAsync(await crm.PostAsJsonAsync($"/api/opportunities/{new string('X', 500)}/outcome", new { outcome = "Won" }), HttpStatusCode.NotFound);
        var errors = await ProblemAssert.ValidationErrorsAsync(await crm.PostAsJsonAsync("/api/opportunities/OPP-1001/outcome", new { outcome = "Maybe" }));
        Assert.Equal(["outcome"], errors.Keys);
    }

    [Fact]
    public async Task CancellingWhileTheOwnerIsAskedTellsTheOwnerThereIsNothingToApprove()
    {
        var id = await SubmitAsync();
        var ask = await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");

        var cancelled = await _rep.PostAsync($"/api/requests/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var note = await Outbox.WaitForAsync(host.Outbox, id, "Withdrawn");
        Assert.Equal(ask.To.Mailboxes.Single().Address, note.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task AnOutcomeWhileTheOwnerIsAskedClosesTheRequestAndTellsTheOwnerTheAskIsWithdrawn()
    {
        var crmId = "OPP-" + Guid.NewGuid().ToString("N")[..8];
        var id = await SubmitAsync(Samples.Intake(crmId));
        var ask = await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        var crm = host.ClientFor(Keys.Crm);

        var first = await crm.PostAsJsonAsync($"/api/opportunities/{crmId}/outcome", new { outcome = "Won" });
        var body = await first.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var changed = Assert.Single(body!["requests"]!.AsArray());
        Assert.Equal((id, "Closed"), ((string?)changed!["id"], (string?)changed["state"]));
        var withdrawn = await Outbox.WaitForAsync(host.Outbox, id, "Withdrawn");
        Assert.Equal(ask.To.Mailboxes.Single().Address, withdrawn.To.Mailboxes.Single().Address);
        var view = await TestDirectory.WaitAsync(_rep, id, v => (string?)v["state"] == "Closed");
        Assert.Equal("Won", (string?)view["outcome"]);

        // The CRM retrying its webhook: a success that changes nothing.
        var again = await crm.PostAsJsonAsync($"/api/opportunities/{crmId}/outcome", new { outcome = "Won" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonObject>())!["requests"]!.AsArray());

        // The other outcome afterwards: the first one stays, and the CRM hears so.
        var other = await crm.PostAsJsonAsync($"/api/opportunities/{crmId}/outcome", new { outcome = "Lost" });
        var problem = await ProblemAssert.IsAsync(other, HttpStatusCode.Conflict);
        Assert.Contains("recorded as Won", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("Won", (string?)(await TestDirectory.GetAsync(_rep, $"/api/requests/{id}"))["outcome"]);
    }

    [Fact]
    public async Task AnOpportunityIdWithASlashTakesItsOutcomeEscaped()
    {
        var crmId = "OPP " + Guid.NewGuid().ToString("N")[..6] + "/A";
        var id = await SubmitAsync(Samples.Intake(crmId));
        await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");

        var answer = await host.ClientFor(Keys.Crm).PostAsJsonAsync($"/api/opportunities/{Uri.EscapeDataString(crmId)}/outcome", new { outcome = "Lost" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(crmId, (string?)body!["crmId"]);
        Assert.Equal(id, (string?)Assert.Single(body["requests"]!.AsArray())!["id"]);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
