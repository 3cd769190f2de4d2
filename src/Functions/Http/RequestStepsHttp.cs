using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests;

namespace ReferenceFlow.Functions.Http;

/// <summary>A request's steps decided without the emailed link (api.md), handed to the handlers the Web host maps.</summary>
public sealed class RequestStepsHttp(ApiGate gate, RequestStepService steps, TimeProvider clock)
{
    [Function("ApproveRequestStep")]
    public Task<IResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/approve")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.OwnerDecisionPolicy, user => RequestStepsApi.ApproveAsync(id, req, steps, user, ct));

    [Function("DeclineRequestStep")]
    public Task<IResult> Decline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/decline")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.OwnerDecisionPolicy, user => RequestStepsApi.DeclineAsync(id, req, steps, user, ct));

    [Function("AskNextCandidate")]
    public Task<IResult> Next(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/next")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => RequestStepsApi.AskNextAsync(id, req, steps, user, ct));

    [Function("AskInParallel")]
    public Task<IResult> Parallel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/parallel")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => RequestStepsApi.AskInParallelAsync(id, steps, user, ct));

    [Function("ExtendNeededBy")]
    public Task<IResult> Extend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/extend")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => RequestStepsApi.ExtendAsync(id, req, steps, clock, user, ct));
}
