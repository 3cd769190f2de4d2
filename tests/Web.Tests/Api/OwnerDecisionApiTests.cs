using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>
/// The owner's approval through the API with the owner's own credentials: the account's owner decides; the owner of
/// another candidate's account follows the request but may not decide for that account.
/// </summary>
public sealed class OwnerDecisionApiTests(OwnersFactory host) : IClassFixture<OwnersFactory>
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);

    [Fact]
    public async Task TheAccountsOwnerApprovesAndAnotherCandidatesOwnerIsRefused()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await PutAsync("own-a", OwnersFactory.OwnerA, $"ca-{tag}@a.example");
        await PutAsync("own-b", OwnersFactory.OwnerB, $"cb-{tag}@b.example");
        var submitted = await _rep.PostAsJsonAsync("/api/requests", Samples.Intake());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var first = (await RequestStates.WaitAsync(host.Services, id, s => s.State.Step is not null)).State;
        var owner = first.Current!.Account.OwnerEmail;
        var other = owner == OwnersFactory.OwnerA ? OwnersFactory.OwnerB : OwnersFactory.OwnerA;
        var step = new { step = first.Step, reason = "A good moment for them." };

        var refused = await host.ClientFor(OwnersFactory.KeyFor(other)).PostAsJsonAsync($"/api/requests/{id}/approve", step);
        var approved = await host.ClientFor(OwnersFactory.KeyFor(owner)).PostAsJsonAsync($"/api/requests/{id}/approve", step);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);
        Assert.True(after.State.OwnerApproved);
        var view = await TestDirectory.GetAsync(_pm, $"/api/requests/{id}");
        var line = (string?)view["history"]!.AsArray().Single(h => (string?)h!["type"] == "OwnerApproved")!["summary"];
        Assert.Equal($"Approved by {owner}", line);
    }

    private async Task PutAsync(string referenceId, string owner, string email)
    {
        var body = Samples.Reference(owner: owner, contacts: [("c1", email)]);
        body["account"] = $"Account {referenceId}";
        var response = await _pm.PutAsJsonAsync($"/api/references/{referenceId}", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
