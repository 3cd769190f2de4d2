using Microsoft.Extensions.Primitives;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api.Insights;

/// <summary>/api/insights: what debriefs taught, for sales reps and the program manager; the handler both hosts route to.</summary>
public static class InsightsApi
{
    /// <summary>As long as a topic or a competitor may be on the intake.</summary>
    public const int MaxValueLength = 200;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/insights").WithTags("Insights").RequireAuthorization(Roles.RequestsPolicy)
            .MapGet("/", ListAsync)
            .WithSummary("Concerns and competitor landmines from debriefs, newest first: topic, competitor (exact, any case); pageSize, continuation")
            .Produces<IReadOnlyList<InsightView>>().ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> ListAsync(HttpRequest request, InsightService insights, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(insights);
        var errors = new FieldErrors();
        var filter = Filter(request.Query, errors);
        var page = Paging.Read(request.Query, errors, InsightStore.IsContinuation);
        if (errors.Any) return ApiJson.Invalid(errors);
        var found = await insights.PageAsync(filter with { PageSize = page.PageSize, Continuation = page.Continuation }, user, ct);
        return Paging.Page(request, found.Items, found.Continuation);
    }

    /// <summary>The topic and competitor asked for; a value too long to be one is an error on its field.</summary>
    public static InsightQuery Filter(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        return new InsightQuery(Value(errors, "topic", query["topic"]), Value(errors, "competitor", query["competitor"]));
    }

    private static string? Value(FieldErrors errors, string field, StringValues value)
    {
        var text = errors.Optional(field, value.ToString(), MaxValueLength);
        return errors.Has(field) ? null : text;
    }
}
