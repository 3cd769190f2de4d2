using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>/api/nominations on every host that serves the API: who may propose, see and decide, validation by field, conflicts, paging.</summary>
public abstract class NominationsContract(IApiHost host)
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _rep2 = host.ClientFor(Keys.Rep2);

    [Fact]
    public async Task AProposalIs202WithItsLocationAndOnlyTheProposerAndTheProgramManagerSeeIt()
    {
        var response = await _rep.PostAsJsonAsync("/api/nominations", Nominations.New());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)body["id"]!;
        Assert.Equal($"/api/nominations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Proposed", (string?)body["state"]);
        Assert.Equal("rep@demo.local", (string?)body["proposedBy"]);

        Assert.Equal(HttpStatusCode.OK, (await _rep.GetAsync($"/api/nominations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _pm.GetAsync($"/api/nominations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _rep2.GetAsync($"/api/nominations/{id}")).StatusCode);
        Assert.Contains((await _rep.GetFromJsonAsync<JsonArray>("/api/nominations?state=Proposed"))!, n => (string?)n!["id"] == id);
        Assert.DoesNotContain((await _rep2.GetFromJsonAsync<JsonArray>("/api/nominations"))!, n => (string?)n!["id"] == id);
        // Nothing joins the directory on a proposal.
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.GetAsync($"/api/references/{body["referenceId"]}")).StatusCode);
    }

    [Fact]
    public async Task InvalidFieldsAreNamedAndNothingIsStored()
    {
        var body = Nominations.New(email: "not-an-email");
        body["account"]!["country"] = "France";
        body["source"] = "Rumour";
        body["reason"] = " ";
        body["contact"]!["seniority"] = "Boss";
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/nominations", body));
        Assert.Contains("contact.email", errors.Keys);
        Assert.Contains("contact.seniority", errors.Keys);
        Assert.Contains("account.country", errors.Keys);
        Assert.Contains("source", errors.Keys);
        Assert.Contains("reason", errors.Keys);

        var neither = Nominations.New();
        neither["account"] = null;
        Assert.Contains("account", (await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/nominations", neither))).Keys);
        var unknown = Nominations.New();
        unknown["account"] = null;
        unknown["referenceId"] = "no-such-account";
        Assert.Contains("referenceId", (await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/nominations", unknown))).Keys);
        var noContact = Nominations.New();
        noContact["contact"] = null;
        Assert.Contains("contact", (await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/nominations", noContact))).Keys);
        var malformed = Nominations.New();
        malformed["account"]!["employees"] = "many";
        Assert.Contains("account.employees", (await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/nominations", malformed))).Keys);
    }

    [Fact]
    public async Task AContactAlreadyInTheDirectoryOrAlreadyNominatedIs409()
    {
        var id = "nom-" + Guid.NewGuid().ToString("N")[..8];
        var email = Nominations.Email();
        (await _pm.PutAsJsonAsync($"/api/references/{id}", Samples.Reference(contacts: [("known", email)]))).EnsureSuccessStatusCode();

        var known = await _rep.PostAsJsonAsync("/api/nominations", Nominations.New(email.ToUpperInvariant()));
        var knownText = (string?)(await ProblemAssert.IsAsync(known, HttpStatusCode.Conflict))["detail"];
        Assert.Contains("already in the directory", knownText, StringComparison.Ordinal);
        // Someone who may not read the directory learns the address is taken, not whose it is or where.
        foreach (var secret in new[] { "Contact known", "Contoso Health", id })
        {
            Assert.DoesNotContain(secret, await known.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        var toPm = await ProblemAssert.IsAsync(await _pm.PostAsJsonAsync("/api/nominations", Nominations.New(email)), HttpStatusCode.Conflict);
        Assert.Contains($"Contact known at Contoso Health ({id})", (string?)toPm["detail"], StringComparison.Ordinal);

        var fresh = Nominations.Email();
        var first = (string)(await Nominations.ProposeAsync(_rep, Nominations.New(fresh)))["id"]!;
        var again = await _rep2.PostAsJsonAsync("/api/nominations", Nominations.New(fresh));
        Assert.Contains("already nominated", (string?)(await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict))["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(first, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExistingAccountTakesTheContactAndTheSameIdempotencyKeyNamesTheSameNomination()
    {
        var account = "nom-" + Guid.NewGuid().ToString("N")[..8];
        (await _pm.PutAsJsonAsync($"/api/references/{account}", Samples.Reference())).EnsureSuccessStatusCode();
        var body = Nominations.New();
        body["account"] = null;
        body["referenceId"] = account;
        var key = Guid.NewGuid().ToString("N");

        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nominations") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await _rep.SendAsync(request);
        }
        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var nomination = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)nomination["id"], (string?)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
        Assert.Equal(account, (string?)nomination["referenceId"]);
        // The rep named the account by its id and may not read the directory: its name is not given away, here or later.
        Assert.DoesNotContain("Contoso Health", nomination.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso Health", (await Nominations.GetAsync(_rep, (string)nomination["id"]!)).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso Health", await _rep.GetStringAsync("/api/nominations?pageSize=500"), StringComparison.Ordinal);
        Assert.Equal("Contoso Health", (string?)(await Nominations.GetAsync(_pm, (string)nomination["id"]!))["accountName"]);
        body["contact"]!["contactId"] = "marie";
        body["contact"]!["email"] = Nominations.Email();
        var taken = await _rep.PostAsJsonAsync("/api/nominations", body);
        Assert.DoesNotContain("Contoso Health", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("contact.contactId", (await ProblemAssert.ValidationErrorsAsync(taken)).Keys);
    }

    [Fact]
    public async Task OnlyTheProgramManagerDecidesAndUnknownNominationsAre404()
    {
        var id = (string)(await Nominations.ProposeAsync(_rep))["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PostAsync($"/api/nominations/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PostAsJsonAsync($"/api/nominations/{id}/decline", new { reason = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientFor(Keys.Crm).PostAsJsonAsync("/api/nominations", Nominations.New())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.GetAsync("/api/nominations/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.PostAsync($"/api/nominations/{new string('0', 24)}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.PostAsJsonAsync("/api/nominations/nobody/decline", new { reason = "no" })).StatusCode);
        Assert.Equal("Proposed", (string?)(await Nominations.GetAsync(_pm, id))["state"]);
    }

    [Fact]
    public async Task ADeclineNeedsAReasonRecordsItAndEmailsNobody()
    {
        var id = (string)(await Nominations.ProposeAsync(_rep))["id"]!;
        Assert.Contains("reason", (await ProblemAssert.ValidationErrorsAsync(await _pm.PostAsJsonAsync($"/api/nominations/{id}/decline", new { reason = "" }))).Keys);

        var declined = await _pm.PostAsJsonAsync($"/api/nominations/{id}/decline", new { reason = "Their renewal is at risk." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var nomination = await Nominations.GetAsync(_rep, id);
        Assert.Equal("Declined", (string?)nomination["state"]);
        Assert.Equal("Their renewal is at risk.", (string?)nomination["decisionReason"]);
        Assert.Equal("pm@demo.local", (string?)nomination["decidedBy"]);
        Assert.Equal(HttpStatusCode.Conflict, (await _pm.PostAsync($"/api/nominations/{id}/approve", null)).StatusCode);
        Assert.Contains((await _pm.GetFromJsonAsync<JsonArray>("/api/nominations?state=Declined&pageSize=500"))!, n => (string?)n!["id"] == id);
        await Task.Delay(500);
        Assert.Empty(Outbox.For(host.Outbox, id));
    }

    [Fact]
    public async Task ListsArePagedNewestFirstWithALinkToTheNextPage()
    {
        var rep = host.ClientFor(Keys.Rep2);
        var mine = new List<string>();
        for (var i = 0; i < 3; i++) mine.Add((string)(await Nominations.ProposeAsync(rep))["id"]!);

        var (rows, pages) = await ProgramDirectory.AllPagesAsync(rep, "/api/nominations?pageSize=2&state=Proposed");

        var ids = rows.Select(r => (string)r["id"]!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.True(pages.Count >= 2, $"{ids.Count} rows came on {pages.Count} page(s)");
        Assert.All(pages.Skip(1), p => Assert.Contains("pageSize=2", p, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Reverse(mine), ids.Where(mine.Contains));
        Assert.All(rows, r => Assert.Equal("rep2@demo.local", (string?)r["proposedBy"]));
        Assert.Contains("state", (await ProblemAssert.ValidationErrorsAsync(await rep.GetAsync("/api/nominations?state=Maybe"))).Keys);
        Assert.Contains("continuation", (await ProblemAssert.ValidationErrorsAsync(await rep.GetAsync("/api/nominations?continuation=bogus"))).Keys);
        Assert.Contains("pageSize", (await ProblemAssert.ValidationErrorsAsync(await rep.GetAsync("/api/nominations?pageSize=0"))).Keys);
    }
}
