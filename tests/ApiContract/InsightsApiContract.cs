using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;
using static ReferenceFlow.ApiContract.Support.Debriefs;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// /api/insights, the same answers on every host that serves the API (directory seeded): what debriefs taught, newest
/// first, by topic and competitor, with the request and the reference's name only for those on the request.
/// </summary>
public abstract class InsightsApiContract(IApiHost host)
{
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _rep2 = host.ClientFor(Keys.Rep2);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    [Fact]
    public async Task DebriefsAreListedNewestFirstByTopicAndCompetitorAndOnlyThoseOnTheRequestSeeItAndTheReference()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string pricing = $"pricing-{tag}", security = $"security-{tag}", rival = $"Rival{tag}", other = $"Other{tag}";
        var older = await DebriefedAsync(host.Services, _rep, Intake(rival, pricing, security), "Worried about <b>year-two</b> pricing", $"{rival} says we lack SSO");
        var newer = await DebriefedAsync(host.Services, _rep, Intake(other, pricing), null, $"{other} claims a faster migration");
        var quiet = await DebriefedAsync(host.Services, _rep, Intake(rival, pricing), null, "   ");

        var mine = await WaitForAsync(_rep, $"/api/insights?topic={pricing.ToUpperInvariant()}", 2);
        Assert.Equal([newer, older], mine.Select(RequestId));
        Assert.DoesNotContain(quiet, mine.Select(RequestId));
        var first = mine[1];
        Assert.Equal(("Worried about <b>year-two</b> pricing", $"{rival} says we lack SSO", rival, "Healthcare"),
            ((string?)first["concerns"], (string?)first["landmines"], (string?)first["competitor"], (string?)first["industry"]));
        Assert.Equal([pricing, security], first["topics"]!.AsArray().Select(t => (string)t!));
        Assert.Equal((true, false), ((bool)first["happened"]!, (bool)first["metNeeds"]!));
        Assert.Equal($"/api/requests/{older}", (string?)first["request"]!["href"]);
        Assert.StartsWith("Reference ", (string?)first["reference"]!["account"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _rep.GetAsync((string)first["request"]!["href"]!)).StatusCode);

        Assert.Equal([older], (await ListAsync(_rep, $"/api/insights?topic={security}")).Select(RequestId));
        Assert.Equal([older], (await ListAsync(_rep, $"/api/insights?competitor={rival.ToLowerInvariant()}")).Select(RequestId));
        Assert.Equal([newer], (await ListAsync(_rep, $"/api/insights?topic={pricing}&competitor={other}")).Select(RequestId));
        Assert.Empty(await ListAsync(_rep, $"/api/insights?topic={security}&competitor={other}"));
        Assert.Empty(await ListAsync(_rep, $"/api/insights?topic=pricing-{tag[..3]}"));

        // Another rep learns the same lesson, but not whose request it was nor which customer spoke: the reference's
        // industry and size only, and no contact detail anywhere.
        var theirs = await ListAsync(_rep2, $"/api/insights?topic={pricing}");
        Assert.Equal([$"{other} claims a faster migration", $"{rival} says we lack SSO"], theirs.Select(i => (string?)i["landmines"]));
        Assert.All(theirs, i =>
        {
            Assert.Null(i["request"]);
            Assert.Null(i["reference"]!["account"]);
            Assert.Null(i["reference"]!["referenceId"]);
            Assert.Equal(("Healthcare", "10,000 to 49,999 employees"), ((string?)i["reference"]!["industry"], (string?)i["reference"]!["size"]));
        });
        var body = string.Join("", theirs.Select(i => i.ToJsonString()));
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Reference ", body, StringComparison.Ordinal);

        var everyone = await ListAsync(_pm, $"/api/insights?topic={pricing}");
        Assert.All(everyone, i => Assert.NotNull(i["reference"]!["account"]));
        Assert.Equal([newer, older], everyone.Select(RequestId));
    }

    [Fact]
    public async Task InsightsArePagedWithALinkThatKeepsTheFilters()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var topic = $"paging-{tag}";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Insert(0, await DebriefedAsync(host.Services, _rep, Intake(null, topic), $"concern {i}", null));
        await WaitForAsync(_pm, $"/api/insights?topic={topic}", 3);

        var (rows, pages) = await ProgramDirectory.AllPagesAsync(_pm, $"/api/insights?topic={topic}&pageSize=2");

        Assert.Equal(ids, rows.Select(RequestId));
        Assert.Equal(2, pages.Count);
        Assert.Contains($"topic={topic}", pages[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("continuation=not%20a%20token!", "continuation")]
    [InlineData("continuation=OTIyMzM3MjAzNjg1NDc3NTgwN3xyZXEtMQ", "continuation")] // the shape of a request list's token
    [InlineData("topic=TOO-LONG", "topic")]
    [InlineData("competitor=TOO-LONG", "competitor")]
    public async Task ABadQueryIs400NamingTheField(string query, string field)
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.GetAsync($"/api/insights?{query.Replace("TOO-LONG", new string('x', 201), StringComparison.Ordinal)}"));
        Assert.Equal([field], errors.Keys);
    }

    private static string RequestId(JsonObject insight) => (string)insight["request"]!["id"]!;

    private static async Task<List<JsonObject>> ListAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject())];
    }

    // The insight is written right after the debrief's history: wait for it rather than race the activity.
    private static async Task<List<JsonObject>> WaitForAsync(HttpClient client, string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = await ListAsync(client, path);
            if (found.Count >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(200);
        }
    }
}
