using ReferenceFlow.Web.Api.References;
using ReferenceFlow.Web.Api.Requests;

namespace ReferenceFlow.Web.Api;

public static class ApiEndpoints
{
    /// <summary>Every /api endpoint of api.md.</summary>
    public static IEndpointRouteBuilder MapReferenceFlowApi(this IEndpointRouteBuilder app)
    {
        app.MapReferencesApi();
        app.MapRequestsApi();
        return app;
    }
}
