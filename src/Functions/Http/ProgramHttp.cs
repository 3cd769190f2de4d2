using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.ProgramHealth;

namespace ReferenceFlow.Functions.Http;

/// <summary>/api/program: coverage, fatigue, capacity and the program's metrics for program managers, handed to the handlers the Web host maps.</summary>
public sealed class ProgramHttp(ApiGate gate, ProgramService program)
{
    [Function("GetCoverage")]
    public Task<IResult> Coverage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/program/coverage")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ProgramApi.CoverageAsync(program, ct));

    [Function("GetFatigue")]
    public Task<IResult> Fatigue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/program/fatigue")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ProgramApi.FatigueAsync(req, program, ct));

    [Function("GetProgramMetrics")]
    public Task<IResult> Metrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/program/metrics")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ProgramApi.MetricsAsync(req, program, ct));

    [Function("GetCapacity")]
    public Task<IResult> Capacity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/program/capacity")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ProgramApi.CapacityAsync(program, ct));
}
