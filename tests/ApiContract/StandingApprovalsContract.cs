using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// An owner's standing approval (api.md "Standing approvals"): set and revoked on the account, an ask it covers goes
/// straight to the reference with the owner's FYI, and once revoked the next ask waits for the owner again. Each host
/// runs it on its own directory of three matching accounts.
/// </summary>
public abstract class StandingApprovalsContract(IApiHost host)
{
    private const int Accounts = 3;
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    private static string PathOf(int account) => $"/api/references/ref{account}/standing-approval";

    [Fact]
    public async Task AnAskTheRuleCoversSkipsTheOwnersWaitAndOnceRevokedTheNextAskWaitsAgain()
    {
        await TestDirectory.SeedAsync(_pm, Accounts);
        for (var i = 0; i < Accounts; i++)
        {
            var set = await _pm.PutAsJsonAsync(PathOf(i), new { contactIds = (string[]?)null, topics = new[] { "migration", "implementation" },
                activities = new[] { "Call" }, until = DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd") });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }
        var account = await TestDirectory.GetAsync(_pm, "/api/references/ref0");
        Assert.Equal("pm@demo.local", (string?)account["standingApproval"]!["setBy"]);

        var straight = await SubmitAsync("OPP-STANDING-1");
        var view = await TestDirectory.WaitAsync(_pm, straight, v => (string?)v["state"] == "AwaitingReferenceConsent");
        var used = view["history"]!.AsArray().Single(h => (string?)h!["type"] == "StandingApprovalUsed")!;
        Assert.Contains("standing approval", (string?)used["summary"], StringComparison.Ordinal);
        var fyi = await Outbox.WaitForAsync(host.Outbox, straight, "StandingApprovalUsed");
        Assert.Equal("jane.csm@demo.local", fyi.To.Mailboxes.Single().Address);
        Assert.Contains("/references/ref", fyi.TextBody, StringComparison.Ordinal);
        await Outbox.WaitForAsync(host.Outbox, straight, "ReferenceConsent");
        Assert.DoesNotContain(Outbox.For(host.Outbox, straight), m => m.Headers["X-ReferenceFlow-Kind"] == "OwnerApproval");

        for (var i = 0; i < Accounts; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _pm.DeleteAsync(PathOf(i))).StatusCode);
        }
        Assert.Null((await TestDirectory.GetAsync(_pm, "/api/references/ref0"))["standingApproval"]);

        var waits = await SubmitAsync("OPP-STANDING-2");
        await Outbox.WaitForAsync(host.Outbox, waits, "OwnerApproval");
        var waiting = await TestDirectory.GetAsync(_pm, $"/api/requests/{waits}");
        Assert.Equal("AwaitingOwnerApproval", (string?)waiting["state"]);
        Assert.DoesNotContain(waiting["history"]!.AsArray(), h => (string?)h!["type"] == "StandingApprovalUsed");
    }

    [Fact]
    public async Task ARuleOutsideTheAskLeavesItToTheOwnerAndAPutOfTheAccountKeepsTheRule()
    {
        await TestDirectory.SeedAsync(_pm, Accounts);
        for (var i = 0; i < Accounts; i++)
        {
            // Quotes only: the sample ask is for a call.
            (await _pm.PutAsJsonAsync(PathOf(i), new { activities = new[] { "Quote" } })).EnsureSuccessStatusCode();
        }
        var replaced = Samples.Reference(contacts: [("a0", "a0@ref0.example")]);
        (await _pm.PutAsJsonAsync("/api/references/ref0", replaced)).EnsureSuccessStatusCode();
        var account = await TestDirectory.GetAsync(_pm, "/api/references/ref0");
        Assert.Equal("Quote", (string?)account["standingApproval"]!["activities"]![0]);

        var id = await SubmitAsync("OPP-STANDING-3");
        await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        Assert.DoesNotContain(Outbox.For(host.Outbox, id), m => m.Headers["X-ReferenceFlow-Kind"] == "StandingApprovalUsed");
    }

    [Fact]
    public async Task BadRulesAreRefusedByFieldAndOnlyTheOwnerOrTheProgramManagerMaySetOne()
    {
        // An account of its own: the other tests leave rules on theirs.
        const string path = "/api/references/solo/standing-approval";
        (await _pm.PutAsJsonAsync("/api/references/solo", Samples.Reference())).EnsureSuccessStatusCode();

        var bad = await _pm.PutAsJsonAsync(path, new { contactIds = new[] { "nobody" }, activities = new[] { "Dinner" }, until = "2001-01-01" });
        var errors = await ProblemAssert.ValidationErrorsAsync(bad);
        Assert.Contains("contactIds[0]", errors.Keys);
        Assert.Contains("activities", errors.Keys);
        Assert.Contains("until", errors.Keys);
        Assert.Null((await TestDirectory.GetAsync(_pm, "/api/references/solo"))["standingApproval"]);

        await ProblemAssert.IsAsync(await _pm.PutAsJsonAsync("/api/references/nope/standing-approval", new { }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PutAsJsonAsync(path, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().DeleteAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TwoRequestsRacingForOneContactUnderAStandingApprovalAskThemOnce()
    {
        var industry = "Race" + Guid.NewGuid().ToString("N")[..6];
        var body = Samples.Reference(industry: industry, contacts: [("solo", "solo@race.example")]);
        body["contacts"]![0]!["maxCallsPerQuarter"] = 1;
        (await _pm.PutAsJsonAsync("/api/references/race", body)).EnsureSuccessStatusCode();
        (await _pm.PutAsJsonAsync("/api/references/race/standing-approval", new { })).EnsureSuccessStatusCode();

        var ids = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            var intake = Samples.Intake($"OPP-RACE-{industry}-{i}");
            intake["prospect"]!["industry"] = industry;
            var response = await _rep.PostAsJsonAsync("/api/requests", intake);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }));

        var views = await Task.WhenAll(ids.Select(id => TestDirectory.WaitAsync(_pm, id, v => v["current"] is not null || (string?)v["state"] == "Unfulfilled")));
        Assert.Single(views, v => (string?)v["current"]?["referenceId"] == "race");
        var asked = views.Single(v => (string?)v["current"]?["referenceId"] == "race");
        Assert.Equal("AwaitingReferenceConsent", (string?)asked["state"]);
    }

    [Fact]
    public async Task AnOwnerWhoApprovesFromNowOnLetsTheNextAskForThatContactGoStraightToThem()
    {
        var industry = "Trust" + Guid.NewGuid().ToString("N")[..6];
        var account = industry.ToLowerInvariant();
        var body = Samples.Reference(industry: industry, contacts: [("ingrid", "ingrid@trust.example")]);
        body["contacts"]![0]!["name"] = "Ingrid Berg";
        (await _pm.PutAsJsonAsync($"/api/references/{account}", body)).EnsureSuccessStatusCode();
        var first = await SubmitAsync($"OPP-{industry}-1", industry);
        var token = Outbox.ActionToken(await Outbox.WaitForAsync(host.Outbox, first, "OwnerApproval"));

        var browser = host.Anonymous();
        var form = await (await browser.GetAsync($"/actions/{token}")).Content.ReadAsStringAsync();
        Assert.Contains("name=\"fromNowOn\"", form, StringComparison.Ordinal);
        Assert.Contains("Also approve future asks for Ingrid", form, StringComparison.Ordinal);
        var answered = await browser.PostAsync($"/actions/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "approve", ["reason"] = "", ["fromNowOn"] = "on",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("From now on, asks for Ingrid go straight to Ingrid.", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rule = (await TestDirectory.GetAsync(_pm, $"/api/references/{account}"))["standingApproval"]!;
        Assert.Equal("ingrid", (string?)rule["contactIds"]!.AsArray().Single());
        Assert.Equal("jane.csm@demo.local", (string?)rule["setBy"]);

        // The first request holds Ingrid until it ends; once it is called off, the next ask goes straight to her.
        await TestDirectory.WaitAsync(_pm, first, v => (string?)v["state"] == "AwaitingReferenceConsent");
        (await _pm.PostAsync($"/api/requests/{first}/cancel", null)).EnsureSuccessStatusCode();
        var second = await SubmitAsync($"OPP-{industry}-2", industry);
        await Outbox.WaitForAsync(host.Outbox, second, "StandingApprovalUsed");
        await Outbox.WaitForAsync(host.Outbox, second, "ReferenceConsent");
        Assert.DoesNotContain(Outbox.For(host.Outbox, second), m => m.Headers["X-ReferenceFlow-Kind"] == "OwnerApproval");
    }

    [Fact]
    public async Task AnOwnerWhoDeclinesSetsNoRuleWhateverTheFormSays()
    {
        var industry = "Doubt" + Guid.NewGuid().ToString("N")[..6];
        var account = industry.ToLowerInvariant();
        (await _pm.PutAsJsonAsync($"/api/references/{account}", Samples.Reference(industry: industry, contacts: [("solo", "solo@doubt.example")])))
            .EnsureSuccessStatusCode();
        var id = await SubmitAsync($"OPP-{industry}", industry);
        var token = Outbox.ActionToken(await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval"));

        var answered = await host.Anonymous().PostAsync($"/actions/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "decline", ["reason"] = "Not this quarter", ["fromNowOn"] = "on",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.DoesNotContain("From now on", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await TestDirectory.GetAsync(_pm, $"/api/references/{account}"))["standingApproval"]);
    }

    private async Task<string> SubmitAsync(string crmId, string? industry = null)
    {
        var intake = Samples.Intake(crmId);
        if (industry is not null) intake["prospect"]!["industry"] = industry;
        var response = await _rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
