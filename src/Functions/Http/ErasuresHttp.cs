using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Erasure;

namespace ReferenceFlow.Functions.Http;

/// <summary>/api/erasures for program managers, handed to the handlers the Web host maps.</summary>
public sealed class ErasuresHttp(ApiGate gate, ErasureService erasures)
{
    [Function("PostErasure")]
    public Task<IResult> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/erasures")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => ErasuresApi.EraseAsync(req, erasures, user, ct));

    [Function("GetErasure")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/erasures/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ErasuresApi.GetAsync(id, erasures, ct));
}
