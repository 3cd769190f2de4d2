using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Insights;

namespace ReferenceFlow.Functions.Http;

/// <summary>/api/insights: what debriefs taught, for reps and the program manager, handed to the handler the Web host maps.</summary>
public sealed class InsightsHttp(ApiGate gate, InsightService insights)
{
    [Function("ListInsights")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/insights")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.RequestsPolicy, user => InsightsApi.ListAsync(req, insights, user, ct));
}
