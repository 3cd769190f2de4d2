using ReferenceFlow.Api.Erasure;
using ReferenceFlow.Api.Insights;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.ProgramHealth;
using ReferenceFlow.Api.References;
using ReferenceFlow.Api.Requests;

namespace ReferenceFlow.Api;

public static class ApiEndpoints
{
    /// <summary>Every /api endpoint of api.md.</summary>
    public static IEndpointRouteBuilder MapReferenceFlowApi(this IEndpointRouteBuilder app)
    {
        app.MapReferencesApi();
        app.MapRequestsApi();
        app.MapProgramApi();
        app.MapInsightsApi();
        app.MapNominationsApi();
        app.MapErasuresApi();
        return app;
    }
}
