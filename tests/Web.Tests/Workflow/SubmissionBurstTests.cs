using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// Reps submitting like requests at the same moment: each request asks a different contact at once, the best still free,
/// rather than all but one losing the same contact and waiting for a candidate check (decision 020).
/// </summary>
public sealed class SubmissionBurstTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    private const int Reps = 10;

    [Fact]
    public async Task LikeRequestsAtOnceEachAskADifferentContactStraightAway()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var rep = factory.ClientFor(Keys.Rep);
        await TestDirectory.SeedAsync(pm, accounts: 6);

        var posted = await Task.WhenAll(Enumerable.Range(0, Reps).Select(i => rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: $"OPP-BURST-{i}"))));

        Assert.All(posted, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        var ids = await Task.WhenAll(posted.Select(async p => (string)(await p.Content.ReadFromJsonAsync<JsonObject>())!["id"]!));
        await Task.WhenAll(ids.Select(id => Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.OwnerApproval))));
        var views = await Task.WhenAll(ids.Select(id => TestDirectory.WaitAsync(pm, id, v => v["history"]!.AsArray().Count > 0)));
        Assert.All(views, v => Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested"], v["history"]!.AsArray().Select(h => (string)h!["type"]!)));
        var asked = views.Select(v => $"{v["current"]!["referenceId"]}/{v["current"]!["contactId"]}").ToList();
        Assert.Equal(Reps, asked.Distinct().Count());
    }
}
