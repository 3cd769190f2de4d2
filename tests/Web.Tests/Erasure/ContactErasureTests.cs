using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Erasure;

/// <summary>
/// Issue 25, point 8: a contact who took part in a request is erased; afterwards no table or blob of the app (its own
/// tables, the directory, the engine's history, instances and large messages) holds their email, name or phone, the
/// program's figures are unchanged and the request says a participant was erased.
/// </summary>
public sealed class ContactErasureTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task AnErasedContactIsInNoTableAndTheFiguresStay()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"ingrid.{tag}@fjordline.example";
        var name = $"Ingrid Solveig {tag}";
        var phone = $"+47 915 {tag[..3]} 77";
        var industry = $"Fisheries {tag}";
        await AddContactAsync(industry, tag, email, name, phone);
        var pm = factory.ClientFor(Keys.ProgramManager);
        var rep = factory.ClientFor(Keys.Rep);
        var intake = Samples.Intake("OPP-ERASE-" + tag);
        intake["prospect"]!["industry"] = industry;

        // While a request asks them, erasing them is refused and changes nothing.
        var submitted = await rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var first = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await RequestStates.WaitAsync(factory.Services, first, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var refused = await pm.PostAsJsonAsync("/api/erasures", new { email });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(first, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/requests/{first}/cancel", null)).StatusCode);

        // A request that ran its course: asked, introduced, debriefed, thanked, won.
        var second = Samples.Intake("OPP-ERASE2-" + tag);
        second["prospect"]!["industry"] = industry;
        var id = await Debriefs.IntroducedAsync(factory.Services, rep, second);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/requests/{id}/debrief", new { happened = true, metNeeds = true })).StatusCode);
        await RequestStates.WaitAsync(factory.Services, id, s => s.State.Status == RequestStatus.Completed);
        var won = await factory.ClientFor(Keys.Crm).PostAsJsonAsync($"/api/opportunities/OPP-ERASE2-{tag}/outcome", new { outcome = "Won" });
        Assert.True(won.IsSuccessStatusCode, await won.Content.ReadAsStringAsync());
        await RequestStates.WaitAsync(factory.Services, id, s => s.State.Status == RequestStatus.Closed);
        Assert.NotEmpty(await StorageScan.FindAsync(factory.Prefix, email)); // the scan does see them before
        // The program's figures follow the history a moment later (the orchestration's effects): wait for the win.
        var figures = await MetricsAsync(pm);
        for (var i = 0; i < 100 && !figures.ToJsonString().Contains("\"influencedRevenueUsd\":250000", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            figures = await MetricsAsync(pm);
        }

        var erased = await pm.PostAsJsonAsync("/api/erasures", new { email });

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        var location = erased.Headers.Location!.ToString();
        var done = (await pm.GetFromJsonAsync<JsonObject>(location))!;
        Assert.Equal("Done", (string)done["state"]!);
        var pseudonym = (string)done["pseudonym"]!;
        Assert.StartsWith("Erased contact ", pseudonym, StringComparison.Ordinal);
        Assert.Contains(done["stores"]!.AsArray(), s => ((string)s!["store"]!).EndsWith("requests", StringComparison.Ordinal) && (int)s["rows"]! > 0);
        Assert.Equal([first, id], done["requests"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal));

        var left = await StorageScan.FindAsync(factory.Prefix, email, name, phone);
        Assert.True(left.Count == 0, "Still stored after the erasure:\n" + string.Join("\n", left));
        // Every count as before; where the figures name the contact (who helped most), they name the pseudonym.
        Assert.Equal(figures.ToJsonString().Replace(name, pseudonym, StringComparison.Ordinal), (await MetricsAsync(pm)).ToJsonString());
        var view = (await pm.GetFromJsonAsync<JsonObject>($"/api/requests/{id}"))!;
        Assert.True((bool)view["participantErased"]!);
        // The history was rewritten, not dropped: the request still folds to Closed, with the pseudonym as its contact.
        var state = (await RequestStates.LoadAsync(factory.Services, id)).State;
        Assert.Equal(RequestStatus.Closed, state.Status);
        Assert.Equal(pseudonym, state.Current!.Contact.Name);
        Assert.EndsWith("@erased.invalid", state.Current.Contact.Email, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(state.Current.Contact.Phone));
        var contact = (await pm.GetFromJsonAsync<JsonObject>($"/api/references/{tag}"))!["contacts"]![0]!;
        Assert.Equal(pseudonym, (string)contact["name"]!);
    }

    [Fact]
    public async Task ErasureIsForProgramManagersAndNeedsAnAddress()
    {
        var rep = factory.ClientFor(Keys.Rep);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/erasures", new { email = "x@y.example" })).StatusCode);
        var pm = factory.ClientFor(Keys.ProgramManager);
        Assert.Equal(HttpStatusCode.BadRequest, (await pm.PostAsJsonAsync("/api/erasures", new { email = "not an address" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pm.GetAsync("/api/erasures/nope")).StatusCode);
    }

    private async Task AddContactAsync(string industry, string tag, string email, string name, string phone)
    {
        var body = Samples.Reference(industry: industry, contacts: [("c1", email)]);
        body["account"] = $"Fjordline {tag}";
        body["contacts"]![0]!["name"] = name;
        body["contacts"]![0]!["phone"] = phone;
        var put = await factory.ClientFor(Keys.ProgramManager).PutAsJsonAsync($"/api/references/{tag}", body);
        Assert.True(put.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> MetricsAsync(HttpClient pm)
    {
        var from = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        return (await pm.GetFromJsonAsync<JsonObject>($"/api/program/metrics?from={from}&to={to}"))!;
    }
}
