using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Web.Tests.Support;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>
/// A request moves from one owner's account to another's: the first owner may still follow it, but sees nothing of the
/// second account's contact, in the JSON, on the page or in the history, while the requester and that contact's owner do.
/// </summary>
public sealed class ContactPrivacyTests(OwnersFactory host) : IClassFixture<OwnersFactory>
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);

    [Fact]
    public async Task AnOwnerWhoDeclinedSeesNoContactDetailsOfTheNextAccount()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await PutAsync("priv-a", OwnersFactory.OwnerA, $"ca-{tag}@a.example", $"Agnes Abara{tag}", "+33 1 11 11 11 11");
        await PutAsync("priv-b", OwnersFactory.OwnerB, $"cb-{tag}@b.example", $"Bruna Okafor{tag}", "+44 20 7946 0123");
        var submitted = await _rep.PostAsJsonAsync("/api/requests", Samples.Intake());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var workflow = host.Services.GetRequiredService<RequestWorkflow>();

        var first = (await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        Assert.Equal(2, first.Candidates.Count);
        var declinedBy = first.Current!.Account.OwnerEmail;
        await workflow.SendAsync(id, new DecideAsOwner(first.Step!, declinedBy, false, "Renewal first", DateTimeOffset.UtcNow), default);
        var second = (await RequestStates.WaitAsync(host.Services, id,
            s => s.State.Status == RequestStatus.AwaitingOwnerApproval && s.State.Current!.ReferenceId != first.Current.ReferenceId)).State;
        var next = second.Current!;
        await workflow.SendAsync(id, new DecideAsOwner(second.Step!, next.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), default);
        var asked = (await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent)).State;
        // An answer on a step that is no longer open: its history line names whoever answered.
        await workflow.SendAsync(id, new DecideAsReference("consent:stale", next.Contact.Email, true, null, DateTimeOffset.UtcNow), default);
        await RequestStates.WaitAsync(host.Services, id, s => s.State.LateAnswers == 1);
        Assert.Equal(next.Contact.Email, asked.WaitingOn);
        string[] secrets = [next.Contact.Email, next.Contact.Name, next.Contact.Phone!];

        var previousOwner = host.ClientFor(OwnersFactory.KeyFor(declinedBy));
        var json = await TestDirectory.GetAsync(previousOwner, $"/api/requests/{id}");
        var page = await previousOwner.GetAsync($"/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Timeline", html, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Null((string?)json["waitingOn"]);
        Assert.Contains(json["history"]!.AsArray(), h => (string?)h!["type"] == "LateAnswerRecorded" &&
            ((string?)h["summary"])!.Contains("from the reference", StringComparison.Ordinal));
        // Their own contact stays theirs to see.
        Assert.Contains(json["candidates"]!.AsArray(), c => (string?)c!["contact"]?["email"] == first.Current.Contact.Email);

        // The requester (the owner approved) and the contact's own owner see the contact, in fields and text alike.
        foreach (var allowed in new[] { _rep, host.ClientFor(OwnersFactory.KeyFor(next.Account.OwnerEmail)), _pm })
        {
            var view = await TestDirectory.GetAsync(allowed, $"/api/requests/{id}");
            Assert.Equal(next.Contact.Email, (string?)view["waitingOn"]);
            Assert.Contains(view["history"]!.AsArray(), h => ((string?)h!["summary"])!.Contains($"from {next.Contact.Email}", StringComparison.Ordinal));
            Assert.Contains(next.Contact.Name, await (await allowed.GetAsync($"/requests/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task PutAsync(string referenceId, string owner, string email, string name, string phone)
    {
        var body = Samples.Reference(owner: owner, contacts: [("c1", email)]);
        body["account"] = $"Account {referenceId}";
        body["contacts"]![0]!["name"] = name;
        body["contacts"]![0]!["phone"] = phone;
        var response = await _pm.PutAsJsonAsync($"/api/references/{referenceId}", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
