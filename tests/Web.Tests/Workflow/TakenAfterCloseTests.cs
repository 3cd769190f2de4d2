using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Web.Seed;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// Issue 24's "taken" report: after one request for a new industry (accounts in FR, DE and US, one contact each, cap 1)
/// ran to Closed, a like request from another rep left out the industry's other contacts. Only the truth may leave a
/// contact out: their uses this quarter, or an open request whose history has them as its current candidate.
/// </summary>
public sealed class TakenAfterCloseTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task ContactsNobodyAskedLeadALikeRequestAfterTheFirstClosed()
    {
        // The demo program first, whole (so no demo request takes the new contacts): its accounts are the unrelated ones.
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(default);
        // Seen in 4 of 11 runs: a few runs, each in an industry of its own.
        for (var run = 0; run < 2; run++)
        {
            var industry = $"Aquaculture {run} {Guid.NewGuid():N}"[..24];
            var tag = $"r{run}{Guid.NewGuid():N}"[..8];
            await NewIndustryAsync(factory, tag, industry);

            var first = await ClosedAsync(factory, Intake(industry));
            var ranked = await SecondAsync(factory, industry);

            Assert.True(ranked.Take(2).SequenceEqual([Key($"{tag}de"), Key($"{tag}us")]),
                $"Run {run}: after {first} closed, a like request ranked [{string.Join(", ", ranked)}]; the unused {tag}de and {tag}us should lead.");
        }
    }

    // Failed in its first run every time while "taken" was read from records the orchestration cleans up after the
    // history (the hold, the summaries' held rows, the claims): a hold now stands only while its request's history says so.
    [Fact]
    public async Task AContactTheHistoryLetGoIsFreeForTheNextRequestAtOnce()
    {
        // What the report's runs met: a demo request the seeder cancelled a moment before still counted its contact as
        // taken. A cancel is in the history before it answers; letting the contact go (the summary's held row, the hold,
        // and this process's claim, which lasts 10 s unless dropped then) is the orchestration's, a moment later.
        // Submitting at once lands in that moment.
        for (var run = 0; run < 3; run++)
        {
            var industry = $"Beekeeping {run} {Guid.NewGuid():N}"[..24];
            var tag = $"c{run}{Guid.NewGuid():N}"[..8];
            await NewIndustryAsync(factory, tag, industry);
            var rep = factory.ClientFor(Keys.Rep);
            var submitted = await rep.PostAsJsonAsync("/api/requests", Intake(industry));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var first = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var asked = (await RequestStates.WaitAsync(factory.Services, first, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State.Current!.Key;
            Assert.Equal(Key($"{tag}fr"), asked);

            var cancelled = await rep.PostAsync($"/api/requests/{first}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            var ranked = await SecondAsync(factory, industry);

            Assert.True(ranked.FirstOrDefault() == asked,
                $"Run {run}: {first} was cancelled, so {asked} (never asked since, under their cap) is free; a like request ranked [{string.Join(", ", ranked)}].");
        }
    }

    /// <summary>Three accounts of <paramref name="industry"/> in FR, DE and US, one contact each, cap 1, never asked.</summary>
    private static async Task NewIndustryAsync(ReferenceFlowFactory host, string tag, string industry)
    {
        var pm = host.ClientFor(Keys.ProgramManager);
        foreach (var country in new[] { "fr", "de", "us" })
        {
            var id = tag + country;
            var body = Samples.Reference(industry: industry, country: country.ToUpperInvariant(), contacts: [("c1", $"c1@{id}.example")]);
            body["account"] = $"Account {id}";
            body["contacts"]![0]!["maxCallsPerQuarter"] = 1;
            body["contacts"]![0]!["consentExpires"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd");
            var response = await pm.PutAsJsonAsync($"/api/references/{id}", body);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Submitted by the rep, approved, accepted, introduced, debriefed and won: the request is Closed.</summary>
    private static async Task<string> ClosedAsync(ReferenceFlowFactory host, JsonObject intake)
    {
        var rep = host.ClientFor(Keys.Rep);
        var id = await Debriefs.IntroducedAsync(host.Services, rep, intake);
        var debrief = await rep.PostAsJsonAsync($"/api/requests/{id}/debrief", new { happened = true, metNeeds = true });
        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.Completed);
        var crmId = (string)intake["opportunity"]!["crmId"]!;
        var outcome = await host.ClientFor(Keys.Crm).PostAsJsonAsync($"/api/opportunities/{crmId}/outcome", new { outcome = "Won" });
        Assert.True(outcome.IsSuccessStatusCode, await outcome.Content.ReadAsStringAsync());
        await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.Closed);
        return id;
    }

    /// <summary>A like request from another rep: its candidates, best first.</summary>
    private static async Task<List<ContactKey>> SecondAsync(ReferenceFlowFactory host, string industry)
    {
        var submitted = await host.ClientFor(Keys.Rep2).PostAsJsonAsync("/api/requests", Intake(industry));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var view = await TestDirectory.GetAsync(host.ClientFor(Keys.ProgramManager), $"/api/requests/{id}");
        return [.. view["candidates"]!.AsArray().Select(c => new ContactKey((string)c!["referenceId"]!, (string)c["contactId"]!))];
    }

    /// <summary>A French prospect in <paramref name="industry"/>, on an opportunity of its own.</summary>
    private static JsonObject Intake(string industry)
    {
        var intake = Samples.Intake("OPP-TAKEN-" + Guid.NewGuid().ToString("N")[..8]);
        intake["prospect"]!["industry"] = industry;
        return intake;
    }

    private static ContactKey Key(string referenceId) => new(referenceId, "c1");
}
