using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Api.Requests.Intake;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// /api/requests and the CRM's outcome webhook (api.md), handed to the handlers the Web host maps. Anonymous at the
/// Functions level on purpose: callers sign in with the product's API keys or Entra ID tokens, checked by the gate,
/// not with function keys.
/// </summary>
public sealed class RequestsHttp(ApiGate gate, IntakeValidator validator, RequestService requests)
{
    [Function("SubmitRequest")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => RequestsApi.SubmitAsync(req, validator, requests, user, ct));

    [Function("ListRequests")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => RequestsApi.ListAsync(req, requests, user, ct));

    [Function("GetRequest")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => RequestsApi.GetAsync(id, requests, user, ct));

    [Function("CancelRequest")]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/cancel")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => RequestsApi.CancelAsync(id, requests, user, ct));

    [Function("DebriefRequest")]
    public Task<IResult> Debrief(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/debrief")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => RequestsApi.DebriefAsync(id, req, requests, user, ct));

    [Function("RecordOutcome")]
    public Task<IResult> Outcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/opportunities/{crmId}/outcome")] HttpRequest req, string crmId, CancellationToken ct) =>
        gate.RunAsync(req, Roles.OutcomePolicy, user => RequestsApi.OutcomeAsync(crmId, req, requests, user, ct));
}
