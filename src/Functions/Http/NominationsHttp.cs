using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Nominations;

namespace ReferenceFlow.Functions.Http;

/// <summary>/api/nominations: anyone signed in proposes, the program manager decides; handed to the handlers the Web host maps.</summary>
public sealed class NominationsHttp(ApiGate gate, NominationService nominations)
{
    [Function("ProposeNomination")]
    public Task<IResult> Propose(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/nominations")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.NominationsPolicy, user => NominationsApi.ProposeAsync(req, nominations, user, ct));

    [Function("ListNominations")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/nominations")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.NominationsPolicy, user => NominationsApi.ListAsync(req, nominations, user, ct));

    [Function("GetNomination")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/nominations/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.NominationsPolicy, user => NominationsApi.GetAsync(id, nominations, user, ct));

    [Function("ApproveNomination")]
    public Task<IResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/nominations/{id}/approve")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => NominationsApi.ApproveAsync(id, nominations, user, ct));

    [Function("DeclineNomination")]
    public Task<IResult> Decline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/nominations/{id}/decline")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => NominationsApi.DeclineAsync(id, req, nominations, user, ct));
}
