using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// Asking several candidates at once (api.md "Standing approvals", decision 041): a request with no room to ask one after
/// another asks two owners at once, introduces the first reference to agree and lets the other go with a note; the program
/// manager can turn it on for any request; two such requests racing for the same two contacts never ask one contact twice.
/// Each test has an industry of its own, so only its accounts match.
/// </summary>
public abstract class ParallelAsksContract(IApiHost host)
{
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _browser = host.Anonymous();

    /// <summary>Accounts in an industry of their own, each with one contact (cap 1) and its own owner.</summary>
    private async Task<string> SeedAsync(int accounts)
    {
        var industry = "Parallel" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < accounts; i++)
        {
            var body = Samples.Reference(owner: $"owner{i}.{industry}@demo.local".ToLowerInvariant(), industry: industry,
                contacts: [($"c{i}", $"c{i}@{industry}.example".ToLowerInvariant())]);
            body["account"] = $"Account {i} {industry}";
            body["contacts"]![0]!["maxCallsPerQuarter"] = 1;
            (await _pm.PutAsJsonAsync($"/api/references/{industry}-{i}", body)).EnsureSuccessStatusCode();
        }
        return industry;
    }

    private async Task<string> SubmitAsync(string industry, int neededInDays, string crmId)
    {
        var intake = Samples.Intake($"{crmId}-{industry}", neededInDays);
        intake["prospect"]!["industry"] = industry;
        var response = await _rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private Task<HttpResponseMessage> AnswerAsync(MimeMessage email, string decision) =>
        _browser.PostAsync($"/actions/{Outbox.ActionToken(email)}", new FormUrlEncodedContent([KeyValuePair.Create("decision", decision)]));

    /// <summary>The accounts whose owner or reference is being asked now.</summary>
    private static List<string> Asked(JsonObject view) =>
        [.. view["candidates"]!.AsArray().Where(c => (string?)c!["standing"] is "Asked" or "Approved").Select(c => (string)c!["referenceId"]!)];

    private static string? Standing(JsonObject view, string referenceId) =>
        (string?)view["candidates"]!.AsArray().Single(c => (string?)c!["referenceId"] == referenceId)!["standing"];

    [Fact]
    public async Task ARushedRequestAsksTwoOwnersAtOnceIntroducesOneAndReleasesTheOther()
    {
        var industry = await SeedAsync(2);
        var id = await SubmitAsync(industry, neededInDays: 1, "OPP-RUSH");

        var first = await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        var second = await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval", count: 2);
        var owners = new[] { first, second }.Select(m => m.To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal([$"owner0.{industry}@demo.local".ToLowerInvariant(), $"owner1.{industry}@demo.local".ToLowerInvariant()], owners);
        Assert.All(new[] { first, second }, m => Assert.Contains("at the same time", m.TextBody, StringComparison.Ordinal));
        var asked = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        Assert.True((bool)asked["asksInParallel"]!);
        Assert.True((bool)asked["rushed"]!);
        var askedNow = Asked(asked);
        Assert.Equal(2, askedNow.Count);
        var lead = (string)asked["current"]!["referenceId"]!;
        var beside = askedNow.Single(r => r != lead);

        // The owner asked beside the current one approves first, and their reference agrees first.
        var besideAsk = new[] { first, second }.Single(m => m.To.Mailboxes.Single().Address.StartsWith($"owner{beside[^1]}.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(besideAsk, "approve")).StatusCode);
        var consent = await Outbox.WaitForAsync(host.Outbox, id, "ReferenceConsent");
        Assert.Equal($"c{beside[^1]}@{industry}.example".ToLowerInvariant(), consent.To.Mailboxes.Single().Address);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(consent, "accept")).StatusCode);

        var moved = await TestDirectory.WaitAsync(_pm, id, v => (string?)v["state"] is not ("AwaitingOwnerApproval" or "AwaitingReferenceConsent"));
        Assert.Equal(beside, (string?)moved["current"]!["referenceId"]);
        Assert.Equal("Consented", Standing(moved, beside));
        Assert.Equal("Released", Standing(moved, lead));
        var note = await Outbox.WaitForAsync(host.Outbox, id, "Withdrawn");
        Assert.Equal($"owner{lead[^1]}.{industry}@demo.local".ToLowerInvariant(), note.To.Mailboxes.Single().Address);
        Assert.Contains("Another customer agreed first", note.TextBody, StringComparison.Ordinal);
        // The owner let go can no longer answer; exactly one reference was asked and briefed.
        var leadAsk = new[] { first, second }.Single(m => m != besideAsk);
        Assert.Equal(HttpStatusCode.Gone, (await AnswerAsync(leadAsk, "approve")).StatusCode);
        await Outbox.WaitForAsync(host.Outbox, id, "ReferenceBriefing");
        Assert.Single(Outbox.For(host.Outbox, id).Where(m => m.Headers["X-ReferenceFlow-Kind"] == "ReferenceConsent").DistinctBy(m => m.MessageId));
        Assert.Single(Outbox.For(host.Outbox, id).Where(m => m.Headers["X-ReferenceFlow-Kind"] == "ReferenceBriefing").DistinctBy(m => m.MessageId));
    }

    [Fact]
    public async Task TheProgramManagerTurnsItOnForARequestWithTimeToSpare()
    {
        var industry = await SeedAsync(3);
        var id = await SubmitAsync(industry, neededInDays: 30, "OPP-CALM");
        await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        var calm = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        Assert.False((bool)calm["asksInParallel"]!);
        Assert.Single(Asked(calm));

        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PostAsync($"/api/requests/{id}/parallel", null)).StatusCode);
        var on = await _pm.PostAsync($"/api/requests/{id}/parallel", null);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval", count: 2);
        var both = await TestDirectory.WaitAsync(_pm, id, v => Asked(v).Count == 2);
        Assert.True((bool)both["asksInParallel"]!);
        Assert.Contains(both["history"]!.AsArray(), h => (string?)h!["type"] == "ParallelAsksTurnedOn");
        // On already: nothing more to turn on.
        await ProblemAssert.IsAsync(await _pm.PostAsync($"/api/requests/{id}/parallel", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsAsync(await _pm.PostAsync("/api/requests/no-such-request/parallel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoRushedRequestsRacingForTheSameTwoContactsNeverAskOneTwice()
    {
        var industry = await SeedAsync(2);
        var ids = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => SubmitAsync(industry, neededInDays: 1, $"OPP-RACE{i}")));

        // Settled: unfulfilled, or asking with no candidate check under way.
        var views = await Task.WhenAll(ids.Select(id => TestDirectory.WaitAsync(_pm, id, v => (string?)v["state"] == "Unfulfilled"
            || (Asked(v).Count > 0 && v["timers"]!.AsArray().All(t => (string?)t!["kind"] != "CandidateCheckRetry")))));
        var asked = views.SelectMany(Asked).ToList();
        Assert.NotEmpty(asked);
        Assert.Equal(asked.Count, asked.Distinct().Count());
        var approvals = ids.SelectMany(id => Outbox.For(host.Outbox, id)).Where(m => m.Headers["X-ReferenceFlow-Kind"] == "OwnerApproval")
            .DistinctBy(m => m.MessageId).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(approvals.Count, approvals.Distinct().Count());
    }
}
