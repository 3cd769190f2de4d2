using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>The email action links (/actions/{token}), the same requests and answers on every host that serves them (directory seeded).</summary>
public abstract class ActionLinksContract(IApiHost host)
{
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _browser = host.Anonymous();

    private async Task<(string Id, string Token)> SubmitAndGetApprovalTokenAsync(JsonObject? intake = null)
    {
        var response = await _rep.PostAsJsonAsync("/api/requests", intake ?? Samples.Intake());
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var email = await Outbox.WaitForAsync(host.Outbox, id, "OwnerApproval");
        return (id, Outbox.ActionToken(email));
    }

    private async Task<(RequestStatus Status, long Version)> StateAsync(string id)
    {
        var snapshot = await RequestStates.LoadAsync(host.Services, id);
        return (snapshot.State.Status, snapshot.Version);
    }

    private Task<HttpResponseMessage> PostAsync(string token, string decision, string? reason = null) =>
        _browser.PostAsync($"/actions/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = decision, ["reason"] = reason ?? "",
        }));

    private async Task<string> MintAsync(string id, Func<RequestState, ActionLink> link)
    {
        var state = (await RequestStates.LoadAsync(host.Services, id)).State;
        return host.Services.GetRequiredService<ActionTokenService>().Mint(id, link(state), Guid.NewGuid().ToString("N")).Token;
    }

    [Fact]
    public async Task HeadAndGetNeverAct()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();
        var before = await StateAsync(id);

        var head = await _browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/actions/{token}"));
        var get = await _browser.GetAsync($"/actions/{token}?decision=approve");
        var html = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"approve\" required checked", html, StringComparison.Ordinal);
        Assert.Contains("Acme Health", html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task PostActsOnceAndAReplayIsRefusedAsAlreadyUsed()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();

        var first = await PostAsync(token, ActionNames.Approve);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Approve", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Opened again at once, before the request has moved on, the link says it was used: no form to answer twice.
        var reopened = await _browser.GetAsync($"/actions/{token}");
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("already used", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);

        var replay = await PostAsync(token, ActionNames.Decline);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(1000); // time enough for a second answer to have reached the request, had one been sent
        Assert.Equal((after.State.Status, after.Version), await StateAsync(id));
    }

    [Fact]
    public async Task AnAnswerWhosePostDiedAfterMarkingTheLinkIsActedOnWhenPostedAgain()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();
        // As a host killed between marking the link used and handing the answer to the request leaves it.
        var claims = ((ActionTokenValidation.Valid)host.Services.GetRequiredService<ActionTokenService>().Validate(token, DateTimeOffset.UtcNow)).Claims;
        Assert.True(await host.Services.GetRequiredService<ReferenceFlow.Storage.Requests.RequestStore>()
            .TryMarkAsync(id, $"used:{claims.TokenId}", default, ActionNames.Approve));

        var other = await PostAsync(token, ActionNames.Decline);
        var again = await PostAsync(token, ActionNames.Approve);

        Assert.Equal(HttpStatusCode.Gone, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);
        await Task.Delay(1000);
        var history = await host.Services.GetRequiredService<ReferenceFlow.Workflow.Requests.RequestWorkflow>().ReadHistoryAsync(id, default);
        Assert.Single(history, h => h.Event is OwnerApproved);
        Assert.DoesNotContain(history, h => h.Event is LateAnswerRecorded or OwnerDeclined);
    }

    [Fact]
    public async Task TwentyConcurrentPostsOfOneLinkActOnce()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(token, ActionNames.Approve)));

        // The same answer posted again before the request moved on is handed over again (it may be a retry after a crash
        // between the mark and the hand-over) and confirmed; once it moved on, the link is used. Either way it acts once.
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone, $"{a.StatusCode}"));
        await RequestStates.WaitAsync(host.Services, id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);
        await Task.Delay(1000);
        var history = await host.Services.GetRequiredService<ReferenceFlow.Workflow.Requests.RequestWorkflow>().ReadHistoryAsync(id, default);
        Assert.Single(history, h => h.Event is OwnerApproved);
        Assert.DoesNotContain(history, h => h.Event is LateAnswerRecorded);
    }

    [Fact]
    public async Task AForgedTokenIs400AndChangesNothing()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();
        var before = await StateAsync(id);
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        Assert.Equal(HttpStatusCode.BadRequest, (await _browser.GetAsync($"/actions/{forged}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(forged, ActionNames.Approve)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("not-a-token", ActionNames.Approve)).StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task AnExpiredTokenIs410AndChangesNothing()
    {
        var (id, _) = await SubmitAndGetApprovalTokenAsync();
        var before = await StateAsync(id);
        var expired = await MintAsync(id, s => new ActionLink(ActionNames.OwnerApproval, s.Step!, s.Current!.Account.OwnerEmail,
            [ActionNames.Approve, ActionNames.Decline], DateTimeOffset.UtcNow.AddMinutes(-1)));

        var response = await PostAsync(expired, ActionNames.Approve);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task ATokenForASupersededStepIs410WithoutATransition()
    {
        var (id, _) = await SubmitAndGetApprovalTokenAsync();
        var stale = await MintAsync(id, s => new ActionLink(ActionNames.OwnerApproval, "an-earlier-step", s.Current!.Account.OwnerEmail,
            [ActionNames.Approve, ActionNames.Decline], DateTimeOffset.UtcNow.AddDays(1)));

        Assert.Equal(HttpStatusCode.Gone, (await _browser.GetAsync($"/actions/{stale}")).StatusCode);
        var response = await PostAsync(stale, ActionNames.Approve);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("moved on", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, (await StateAsync(id)).Status);
    }

    [Fact]
    public async Task ATokenForTheWrongActorIsRefusedWithoutATransition()
    {
        var (id, _) = await SubmitAndGetApprovalTokenAsync();
        var wrong = await MintAsync(id, s => new ActionLink(ActionNames.OwnerApproval, s.Step!, "mallory@elsewhere.example",
            [ActionNames.Approve, ActionNames.Decline], DateTimeOffset.UtcNow.AddDays(1)));

        var response = await PostAsync(wrong, ActionNames.Approve);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        // The wrong actor's answer is recorded as a late answer, and changes nothing else.
        var state = (await RequestStates.WaitAsync(host.Services, id, s => s.State.LateAnswers == 1)).State;
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, state.Status);
        Assert.False(state.OwnerApproved);
    }

    [Fact]
    public async Task ADecisionTheTokenDoesNotOfferIsRefusedWithTheFormAgain()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();
        var before = await StateAsync(id);
        var response = await PostAsync(token, ActionNames.Accept);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<form method=\"post\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task ADeclineWithAReasonMovesToTheNextCandidate()
    {
        var (id, token) = await SubmitAndGetApprovalTokenAsync();
        var submitted = (await RequestStates.LoadAsync(host.Services, id)).State;
        Assert.True(submitted.Candidates.Count >= 2, "The directory should offer a second candidate.");
        var first = submitted.CurrentIndex;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token, ActionNames.Decline, "Renewal talks this month")).StatusCode);

        var state = (await RequestStates.WaitAsync(host.Services, id, s => s.State.CurrentIndex == first + 1)).State;
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, state.Status);
    }

    [Fact]
    public async Task UserTextIsEscapedOnThePage()
    {
        var intake = Samples.Intake();
        intake["prospect"]!["company"] = "<script>alert('x')</script> & Co";
        var (_, token) = await SubmitAndGetApprovalTokenAsync(intake);
        var html = await (await _browser.GetAsync($"/actions/{token}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
