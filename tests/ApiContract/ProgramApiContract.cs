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
}
