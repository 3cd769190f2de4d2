using Scalar.AspNetCore;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// The OpenAPI document and its reference page. They map every route, parameter and schema of the API, which helps an
/// attacker as much as an integrator: outside Development they are for signed-in callers (a person or an API key) unless
/// <c>ReferenceFlow:Api:PublicDocs</c> says otherwise.
/// </summary>
public static class ApiDocs
{
    public const string PublicSetting = "ReferenceFlow:Api:PublicDocs";

    public static bool ArePublic(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(PublicSetting) ?? environment.IsDevelopment();

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var isPublic = ArePublic(app.Configuration, app.Environment);
        Open(app.MapOpenApi(), isPublic);
        Open(app.MapScalarApiReference("/api-docs", o => o.WithTitle("ReferenceFlow API")), isPublic);
        return app;
    }

    private static void Open(IEndpointConventionBuilder endpoint, bool isPublic)
    {
        if (isPublic) endpoint.AllowAnonymous();
        else endpoint.RequireAuthorization();
    }
}
