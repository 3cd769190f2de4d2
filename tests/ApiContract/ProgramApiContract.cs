using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Policies;
using static ReferenceFlow.ApiContract.Support.ProgramDirectory;

namespace ReferenceFlow.ApiContract;

/// <summary>/api/program/coverage and /api/program/fatigue, the same answers on every host that serves the API.</summary>
public abstract class ProgramApiContract(IApiHost host)
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    [Fact]
    public async Task CoverageListsEveryValueWithFewerThanTwoActiveConsentedReferences()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await PutAsync(_pm, $"cov1{tag}", $"Covered{tag}", [Contact("a", null, "Call")], products: [$"Shared{tag}"], topics: [$"lonely{tag}"]);
        await PutAsync(_pm, $"cov2{tag}", $"Covered{tag}", [Contact("a", null, "Call")], products: [$"Shared{tag}"]);
        await PutAsync(_pm, $"cov3{tag}", $"Thin{tag}", [Contact("a", null, "Call")], products: [$"Shared{tag}"]);
        await PutAsync(_pm, $"cov4{tag}", $"Gone{tag}", [Contact("a", null, "Call")], status: "Retired", products: [$"Old{tag}"]);

        var gaps = (await _pm.GetFromJsonAsync<JsonArray>("/api/program/coverage"))!.Select(g => g!.AsObject()).ToList();
        int? Gap(string dimension, string value) =>
            gaps.SingleOrDefault(g => (string?)g["dimension"] == dimension && (string?)g["value"] == value) is { } gap ? (int)gap["activeReferences"]! : null;

        Assert.Equal(1, Gap("industry", $"Thin{tag}"));
        Assert.Equal(0, Gap("industry", $"Gone{tag}"));
        Assert.Equal(0, Gap("product", $"Old{tag}"));
        Assert.Equal(1, Gap("topic", $"lonely{tag}"));
        Assert.Null(Gap("industry", $"Covered{tag}"));
        Assert.Null(Gap("product", $"Shared{tag}"));
        Assert.All(gaps, g => Assert.Equal(["dimension", "value", "activeReferences"], g.Select(p => p.Key)));
        Assert.All(gaps, g => Assert.Contains((string?)g["dimension"], new[] { "topic", "industry", "country", "product" }));
    }

    [Fact]
    public async Task CapacityCountsTheRequestsWaitingAgainstTheCallsLeftAndSaysWhenItRunsDry()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var industry = $"Capacity{tag}";
        await PutAsync(_pm, $"cap1{tag}", industry, [Contact("a", 1, "Call")]);
        await PutAsync(_pm, $"cap2{tag}", industry, [Contact("a", 1, "Call")]);
        // Someone beyond the industry for the third request to ask, whatever else the host's directory holds.
        await PutAsync(_pm, $"cap3{tag}", $"Elsewhere{tag}", [Contact("a", 1, "Call")]);
        var rep = host.ClientFor(Keys.Rep);
        var waiting = 0;
        for (var i = 0; i < 3; i++)
        {
            var intake = Samples.Intake($"OPP-CAP-{tag}-{i}");
            intake["prospect"]!["industry"] = industry;
            var response = await rep.PostAsJsonAsync("/api/requests", intake);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var state = (string?)(await TestDirectory.WaitAsync(rep, id, v => (string?)v["state"] != "Submitted"))["state"];
            if (state is "AwaitingOwnerApproval" or "AwaitingReferenceConsent") waiting++;
        }
        Assert.True(waiting > 2, $"{waiting} of 3 requests found someone to ask");

        // The figures are projected after each decision: wait for the last of them.
        JsonObject? row = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (row is null || (int)row["openRequests"]! < waiting)
        {
            Assert.True(DateTime.UtcNow < deadline, $"capacity row: {row?.ToJsonString()}");
            await Task.Delay(200);
            var rows = (await _pm.GetFromJsonAsync<JsonArray>("/api/program/capacity"))!.Select(r => r!.AsObject()).ToList();
            row = rows.SingleOrDefault(r => (string?)r["dimension"] == "industry" && (string?)r["value"] == industry);
        }

        Assert.Equal(2, (int)row["callsLeftThisQuarter"]!);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), (string?)row["runsDryOn"]);
        Assert.Equal(["dimension", "value", "demandPerQuarter", "callsLeftThisQuarter", "runsDryOn", "openRequests"], row.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/program/capacity")).StatusCode);
    }

    [Fact]
    public async Task FatigueShowsUsesAgainstTheCapAndFiltersTheOverAskedAndTheNeverAsked()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = $"fat{tag}";
        await PutAsync(_pm, id, $"Fatigue{tag}", [Contact("busy", 1, "Call"), Contact("fresh", null, "Call"), Contact("spare", 3, "Call")]);
        await UseAsync(host, id, "busy");
        await UseAsync(host, id, "spare");

        async Task<Dictionary<string, JsonObject>> Mine(string query) =>
            (await AllPagesAsync(_pm, $"/api/program/fatigue?pageSize=500{query}")).Rows
                .Where(r => (string?)r["referenceId"] == id).ToDictionary(r => (string)r["contactId"]!);

        var all = await Mine("");
        Assert.Equal(["busy", "fresh", "spare"], all.Keys);
        var busy = all["busy"];
        Assert.Equal((1, 1, true, false), ((int)busy["usesThisQuarter"]!, (int)busy["cap"]!, (bool)busy["overAsked"]!, (bool)busy["neverAsked"]!));
        Assert.NotNull(busy["lastUsed"]);
        Assert.Equal($"Program {id}", (string?)busy["account"]);
        var fresh = all["fresh"];
        Assert.Equal(host.Services.GetRequiredService<WorkflowPolicy>().MaxCallsPerQuarter, (int)fresh["cap"]!);
        Assert.Equal((0, false, true), ((int)fresh["usesThisQuarter"]!, (bool)fresh["overAsked"]!, (bool)fresh["neverAsked"]!));
        Assert.Null(fresh["lastUsed"]);
        Assert.Equal((1, 3, false, false), ((int)all["spare"]["usesThisQuarter"]!, (int)all["spare"]["cap"]!, (bool)all["spare"]["overAsked"]!, (bool)all["spare"]["neverAsked"]!));

        Assert.Equal(["busy"], (await Mine("&overAsked=true")).Keys);
        Assert.Equal(["fresh"], (await Mine("&neverAsked=true")).Keys);
        Assert.Empty(await Mine("&overAsked=true&neverAsked=true"));
        Assert.Equal(["busy", "fresh", "spare"], (await Mine("&overAsked=false")).Keys);
    }

    [Fact]
    public async Task FatigueIsPagedWithALinkThatKeepsItsFilters()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = $"pg{tag}";
        await PutAsync(_pm, id, $"Paging{tag}", [.. new[] { "e", "c", "a", "d", "b" }.Select(c => Contact(c, 2, "Call"))]);

        var (rows, pages) = await AllPagesAsync(_pm, "/api/program/fatigue?neverAsked=true&pageSize=2");

        var mine = rows.Where(r => (string?)r["referenceId"] == id).Select(r => (string)r["contactId"]!).ToList();
        Assert.Equal(["a", "b", "c", "d", "e"], mine);
        Assert.Equal(rows.Count, rows.Select(r => $"{r["referenceId"]}/{r["contactId"]}").Distinct().Count());
        Assert.All(rows, r => Assert.True((bool)r["neverAsked"]!));
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.All(pages.Skip(1), p => Assert.Contains("neverAsked=true", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("overAsked=maybe", "overAsked")]
    [InlineData("neverAsked=2", "neverAsked")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("continuation=bm90LWpzb24", "continuation")]
    public async Task FatigueRefusesValuesItDoesNotKnowByField(string query, string field)
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync($"/api/program/fatigue?{query}"));
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task ADirectoryPageTokenDoesNotContinueTheFatigueList()
    {
        await PutAsync(_pm, "tok1", "Tokens", [Contact("a", null, "Call")]);
        await PutAsync(_pm, "tok2", "Tokens", [Contact("a", null, "Call")]);
        var directory = await _pm.GetAsync("/api/references?industry=Tokens&pageSize=1");
        var next = RequestsApiContract.NextLink(directory.Headers.GetValues("Link").Single());
        var token = next[(next.IndexOf("continuation=", StringComparison.Ordinal) + "continuation=".Length)..];

        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync($"/api/program/fatigue?continuation={token}"));
        Assert.Equal(["continuation"], errors.Keys);
    }

    [Fact]
    public async Task MetricsGiveTheFiguresOfAFortnightWorkedOutByHand()
    {
        var fixture = new ProgramFixture(host.Services, Guid.NewGuid().ToString("N")[..6]);
        await fixture.SeedAsync();

        var m = (await _pm.GetFromJsonAsync<JsonObject>("/api/program/metrics?from=2031-03-03&to=2031-03-16"))!;

        Assert.Equal(("2031-03-03", "2031-03-16"), ((string?)m["from"], (string?)m["to"]));
        // Requests 1–7 were submitted in the fortnight (8 after it). 1 and 2 held a call; 3 closed before one (its call
        // was missed, then the deal was won); 4 cancelled; 5 waits on its reference; 6 unfulfilled; 7 deferred.
        var requests = m["requests"]!;
        Assert.Equal(7, (int)requests["submitted"]!);
        Assert.Equal(Counts(("inProgress", 1), ("callHeld", 2), ("closedBeforeCall", 1), ("unfulfilled", 1), ("cancelled", 1), ("deferred", 1)),
            Counts(requests["byStanding"]!));
        // Week of 3 March: 1, 2, 3, 4. Week of 10 March: 5, 6, 7.
        var weeks = requests["byWeek"]!.AsArray();
        Assert.Equal(["2031-03-03", "2031-03-10"], weeks.Select(w => (string)w!["weekStart"]!));
        Assert.Equal((4, 3), ((int)weeks[0]!["submitted"]!, (int)weeks[1]!["submitted"]!));
        Assert.Equal(Counts(("inProgress", 0), ("callHeld", 2), ("closedBeforeCall", 1), ("unfulfilled", 0), ("cancelled", 1), ("deferred", 0)),
            Counts(weeks[0]!["byStanding"]!));

        // Submission to first introduction: 3 after 6 h, 1 after 24 h, 2 after 72 h. Median of three: 24 h; p90 by
        // nearest rank: the ceil(0.9 × 3) = 3rd value, 72 h.
        Assert.Equal((3, 24.0, 72.0), ((int)m["timeToFulfil"]!["introductions"]!, (double)m["timeToFulfil"]!["medianHours"]!, (double)m["timeToFulfil"]!["p90Hours"]!));

        // Owners approved 1, 2 (second and third candidate), 3, 5 = 5 and declined 2's first; references accepted 1, 2, 3
        // and declined 2's second. Reasons are grouped with their spaces tidied: 1 and 5 gave the same.
        var answers = m["answers"]!;
        Assert.Equal(Counts(("ownerApproved", 5), ("ownerDeclined", 1), ("ownerSilent", 0), ("referenceAccepted", 3), ("referenceDeclined", 1), ("referenceSilent", 0), ("standingApproval", 0)),
            Counts(answers["counts"]!));
        Assert.Equal(
            [("ownerApproved", "Strong fit for the renewal", 2), ("ownerDeclined", "Customer is mid-escalation", 1), ("referenceDeclined", "Too busy this quarter", 1)],
            answers["reasons"]!.AsArray().Select(r => ((string)r!["answer"]!, (string)r["reason"]!, (int)r["count"]!)));

        // Calls held: 1 on 6 March, 2 on 11 March. Debriefs: 1, 2 (held) and 3 (missed).
        Assert.Equal(2, (int)m["calls"]!["held"]!);
        Assert.Equal([1, 1], m["calls"]!["byWeek"]!.AsArray().Select(w => (int)w!["held"]!));
        Assert.Equal((3, 2, 1), ((int)m["debriefs"]!["done"]!, (int)m["debriefs"]!["callHappened"]!, (int)m["debriefs"]!["callMissed"]!));

        // After a call: 1 won (its amount is influenced revenue), 2 lost: win rate 1/2. Before a call: 3 won, 1/1.
        var outcomes = m["outcomes"]!;
        Assert.Equal(ProgramFixture.Amount, (decimal)outcomes["influencedRevenueUsd"]!);
        Assert.Equal((1, 1, 0.5), ((int)outcomes["wonWithReference"]!, (int)outcomes["lostWithReference"]!, (double)outcomes["winRateWithReference"]!));
        Assert.Equal((1, 0, 1.0), ((int)outcomes["wonBeforeCall"]!, (int)outcomes["lostBeforeCall"]!, (double)outcomes["winRateBeforeCall"]!));

        // One call each for d (no gift) and a (a white paper): the same help, d thanked with words only comes first.
        Assert.Equal([(fixture.Account("d"), 1, 0), (fixture.Account("a"), 1, 1)],
            m["helpedMost"]!.AsArray().Select(h => ((string)h!["referenceId"]!, (int)h["calls"]!, (int)h["gifts"]!)));
        Assert.Equal([fixture.Account("d")], m["thankedLeast"]!.AsArray().Select(h => (string)h!["referenceId"]!));

        // A range after the fortnight sees request 8 alone; one before it sees nothing.
        var after = (await _pm.GetFromJsonAsync<JsonObject>("/api/program/metrics?from=2031-03-17&to=2031-03-31"))!;
        Assert.Equal(1, (int)after["requests"]!["submitted"]!);
        var before = (await _pm.GetFromJsonAsync<JsonObject>("/api/program/metrics?from=2031-02-01&to=2031-03-02"))!;
        Assert.Equal(0, (int)before["requests"]!["submitted"]!);
        Assert.Null(before["timeToFulfil"]!["medianHours"]);
        Assert.Null(before["outcomes"]!["winRateWithReference"]);
    }

    [Fact]
    public async Task MetricsCarryUtilisationCoverageAndLevelsAsOfNow()
    {
        var m = (await _pm.GetFromJsonAsync<JsonObject>("/api/program/metrics?from=2031-01-01&to=2031-01-31"))!;

        var utilisation = m["utilisation"]!;
        var contacts = (int)utilisation["contacts"]!;
        Assert.InRange((int)utilisation["overAsked"]!, 0, contacts);
        Assert.InRange((int)utilisation["neverAsked"]!, 0, contacts);
        Assert.All(utilisation["mostUsed"]!.AsArray(), u => Assert.True((int)u!["usesThisQuarter"]! > 0));
        Assert.Equal([3, 2, 1], m["levels"]!.AsArray().Select(l => (int)l!["level"]!));
        var coverage = await _pm.GetFromJsonAsync<JsonArray>("/api/program/coverage");
        Assert.Equal(coverage!.Count, m["coverageGaps"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("", "from", "to")]
    [InlineData("to=2031-03-16", "from", null)]
    [InlineData("from=2031-03-03", "to", null)]
    [InlineData("from=2031-3-3&to=2031-03-16", "from", null)]
    [InlineData("from=2031-03-03&to=yesterday", "to", null)]
    [InlineData("from=2031-02-30&to=2031-03-16", "from", null)]
    [InlineData("from=2031-03-16&to=2031-03-03", "to", null)]
    [InlineData("from=2030-01-01&to=2031-01-02", "to", null)]
    public async Task MetricsRefuseMissingBadReversedAndTooLongRangesByField(string query, string field, string? other)
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync($"/api/program/metrics?{query}"));
        Assert.Equal(other is null ? [field] : [field, other], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AYearOfDaysIsTheLongestRange()
    {
        Assert.Equal(HttpStatusCode.OK, (await _pm.GetAsync("/api/program/metrics?from=2028-01-01&to=2028-12-31")).StatusCode);
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync("/api/program/metrics?from=2027-01-01&to=2028-01-02"));
        Assert.Contains("at most 366", errors["to"].Single(), StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Counts(params (string Key, int Count)[] counts) => counts.ToDictionary(c => c.Key, c => c.Count);

    private static Dictionary<string, int> Counts(JsonNode node) => node.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);
}
