using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Requests taken through the real workflow to their debrief: submitted, approved by the owner, accepted by the reference, introduced, debriefed.</summary>
public static class Debriefs
{
    /// <summary>Submits <paramref name="intake"/> as <paramref name="rep"/>, walks it to the introduction and debriefs it; returns the request id.</summary>
    public static async Task<string> DebriefedAsync(IServiceProvider services, HttpClient rep, JsonObject intake, string? concerns, string? landmines)
    {
        var id = await IntroducedAsync(services, rep, intake);
        var debrief = await rep.PostAsJsonAsync($"/api/requests/{id}/debrief", new { happened = true, metNeeds = false, concerns, landmines });
        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        await RequestStates.WaitAsync(services, id, s => s.State.Status == RequestStatus.Completed);
        return id;
    }

    /// <summary>Submits <paramref name="intake"/> as <paramref name="rep"/>; the owner approves, the reference accepts; returns the id once introduced.</summary>
    public static async Task<string> IntroducedAsync(IServiceProvider services, HttpClient rep, JsonObject intake)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var submitted = await rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var workflow = services.GetRequiredService<RequestWorkflow>();
        var state = (await RequestStates.WaitAsync(services, id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        await workflow.SendAsync(id, new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), default);
        state = (await RequestStates.WaitAsync(services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent)).State;
        await workflow.SendAsync(id, new DecideAsReference(state.Step!, state.Current!.Contact.Email, true, null, DateTimeOffset.UtcNow), default);
        await RequestStates.WaitAsync(services, id, s => s.State.Status == RequestStatus.Introduced);
        return id;
    }

    /// <summary>The sample intake about <paramref name="topics"/> against <paramref name="competitor"/>.</summary>
    public static JsonObject Intake(string? competitor, params string[] topics)
    {
        var intake = Samples.Intake("OPP-INSIGHT-" + Guid.NewGuid().ToString("N")[..6]);
        intake["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]);
        intake["prospect"]!["competitor"] = competitor;
        return intake;
    }
}
