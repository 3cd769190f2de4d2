using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// A request's steps decided without the emailed link: approve and decline (the account's owner, or the program manager on
/// their behalf), ask the next candidate and extend the need-by date (the program manager), and a deferred request's
/// alternatives as links. The same answers on every host that serves the API (directory seeded).
/// </summary>
public abstract class RequestStepsContract(IApiHost host)
{
    // A host names the program manager as its people directory knows them: by name where a source does (the Web host's
    // demo users), by address where none does.
    private const string ProgramManager = "(Priya Manager|pm@demo\\.local)";

    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    /// <summary>A request asking its first owner, as the program manager reads it (with the open step).</summary>
    private async Task<(string Id, JsonObject View)> AskingAnOwnerAsync()
    {
        var response = await _rep.PostAsJsonAsync("/api/requests", Samples.Intake());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return (id, await TestDirectory.WaitAsync(_pm, id, v => v["step"] is not null));
    }

    [Fact]
    public async Task TheProgramManagerApprovesOnTheOwnersBehalfAndTheHistorySaysSo()
    {
        var (id, view) = await AskingAnOwnerAsync();
        Assert.True((bool)view["can"]!["decideAsOwner"]!);

        var response = await _pm.PostAsJsonAsync($"/api/requests/{id}/approve", new { step = (string)view["step"]! });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("AwaitingReferenceConsent", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        var after = await TestDirectory.WaitAsync(_pm, id, v => v["history"]!.AsArray().Any(h => (string?)h!["type"] == "OwnerApproved"));
        var approved = after["history"]!.AsArray().Single(h => (string?)h!["type"] == "OwnerApproved")!;
        Assert.Matches($"^Approved by {ProgramManager} on behalf of the owner", (string?)approved["summary"]);
        Assert.Null(after["step"]);
        await Outbox.WaitForAsync(host.Outbox, id, "ReferenceConsent");
    }

    [Fact]
    public async Task ADeclineCarriesItsReasonAndAnAnswerToAStepThatMovedOnIs409()
    {
        var (id, view) = await AskingAnOwnerAsync();
        var step = (string)view["step"]!;

        var declined = await _pm.PostAsJsonAsync($"/api/requests/{id}/decline", new { step, reason = "Renewal talks <this week>" });
        var again = await _pm.PostAsJsonAsync($"/api/requests/{id}/approve", new { step });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict);
        var after = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        Assert.Contains(after["history"]!.AsArray(), h => ((string?)h!["summary"])!.EndsWith(": Renewal talks <this week>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARepMayNeitherDecideForAnOwnerNorSteerARequest()
    {
        var (id, view) = await AskingAnOwnerAsync();
        var step = new { step = (string)view["step"]! };

        foreach (var path in new[] { "approve", "decline", "next" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PostAsJsonAsync($"/api/requests/{id}/{path}", step)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await _rep.PostAsJsonAsync($"/api/requests/{id}/extend", new { neededBy = "2030-01-01" })).StatusCode);
        var mine = await TestDirectory.GetAsync(_rep, $"/api/requests/{id}");
        Assert.False((bool)mine["can"]!["decideAsOwner"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PostAsJsonAsync($"/api/requests/{id}/approve", step)).StatusCode);
    }

    [Fact]
    public async Task AskingTheNextCandidateTellsTheOwnerAndMovesOn()
    {
        var (id, view) = await AskingAnOwnerAsync();

        var response = await _pm.PostAsJsonAsync($"/api/requests/{id}/next", new { step = (string)view["step"]!, reason = "The deal cannot wait." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The next owner is asked once the request's orchestration has checked who is free: give a busy machine time.
        var after = await TestDirectory.WaitAsync(_pm, id, v => v["history"]!.AsArray().Any(h => (string?)h!["type"] == "OwnerApprovalRequested"
            && (long)h["version"]! > 2), TimeSpan.FromSeconds(120));
        Assert.Contains(after["history"]!.AsArray(), h => (string?)h!["type"] == "CandidateSkipped"
            && System.Text.RegularExpressions.Regex.IsMatch((string?)h["summary"] ?? "", $"^{ProgramManager} asked the next candidate"));
        await Outbox.WaitForAsync(host.Outbox, id, "Withdrawn");
        Assert.NotEqual(view["current"]!.ToJsonString(), after["current"]!.ToJsonString());
    }

    [Fact]
    public async Task ExtendingTheNeedByDateNamesTheFieldWhenTheDateIsWrong()
    {
        var (id, view) = await AskingAnOwnerAsync();
        var current = DateOnly.Parse((string)view["intake"]!["neededBy"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["neededBy"], (await ProblemAssert.ValidationErrorsAsync(await _pm.PostAsJsonAsync($"/api/requests/{id}/extend", new { neededBy = "next week" }))).Keys);
        Assert.Equal(["neededBy"], (await ProblemAssert.ValidationErrorsAsync(await _pm.PostAsJsonAsync($"/api/requests/{id}/extend", new { }))).Keys);
        var earlier = await ProblemAssert.ValidationErrorsAsync(await _pm.PostAsJsonAsync($"/api/requests/{id}/extend", new { neededBy = current.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Contains("after the current one", earlier["neededBy"].Single(), StringComparison.Ordinal);

        var later = current.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await _pm.PostAsJsonAsync($"/api/requests/{id}/extend", new { neededBy = later })).StatusCode);
        var after = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        Assert.Equal(later, (string?)after["intake"]!["neededBy"]);
        Assert.Contains(after["history"]!.AsArray(), h => (string?)h!["type"] == "NeededByExtended"
            && System.Text.RegularExpressions.Regex.IsMatch((string?)h["summary"] ?? "", $"by {ProgramManager}$"));
    }

    [Fact]
    public async Task AnUnknownRequestIs404()
    {
        var response = await _pm.PostAsJsonAsync("/api/requests/no-such-request/approve", new { });
        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADeferredRequestOffersItsAlternativesAsLinksAndNoStep()
    {
        var intake = Samples.Intake();
        intake["purpose"] = "Exploring";
        var response = await _rep.PostAsJsonAsync("/api/requests", intake);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var view = await TestDirectory.WaitAsync(_rep, id, v => (string?)v["state"] == "Deferred");

        var links = view["alternativeLinks"]!.AsArray();
        Assert.Equal(3, links.Count);
        Assert.Equal("Case studies from Healthcare customers", (string?)links[0]!["text"]);
        Assert.Equal("/references?activity=CaseStudy&industry=Healthcare", (string?)links[0]!["href"]);
        Assert.True((bool)view["can"]!["askAgain"]!);
        Assert.Null(view["step"]);
        await ProblemAssert.IsAsync(await _pm.PostAsJsonAsync($"/api/requests/{id}/approve", new { }), HttpStatusCode.Conflict);
    }
}
