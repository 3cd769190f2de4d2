using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>/api/program/coverage, fatigue, capacity and metrics (api.md, "Program operations"): the handlers both hosts route to.</summary>
public static class ProgramApi
{
    public static IEndpointRouteBuilder MapProgramApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/program").WithTags("Program").RequireAuthorization(Roles.ProgramManagerPolicy);
        group.MapGet("/coverage", CoverageAsync)
            .WithSummary("Topics, industries, countries and products with fewer than two active, consented references")
            .Produces<IReadOnlyList<CoverageRow>>();
        group.MapGet("/fatigue", FatigueAsync)
            .WithSummary("Each contact's uses this quarter against its cap, last use, never asked, over-asked (overAsked, neverAsked; pageSize, continuation)")
            .Produces<IReadOnlyList<FatigueRow>>().ProducesValidationProblem();
        group.MapGet("/capacity", CapacityAsync)
            .WithSummary("Per topic, industry, country and product: calls demanded per quarter at the current trend, calls left this quarter, the day it runs dry (soonest first)")
            .Produces<IReadOnlyList<CapacityDto>>();
        group.MapGet("/metrics", MetricsAsync)
            .WithSummary("The program page's figures over from..to (YYYY-MM-DD, UTC days, at most 366): requests by state, time to fulfil, answers and reasons, calls, debriefs, outcomes, utilisation, coverage, levels")
            .Produces<MetricsDto>().ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> MetricsAsync(HttpRequest request, ProgramService program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(program);
        var errors = new FieldErrors();
        var range = MetricsRange.Read(request.Query["from"], request.Query["to"], errors);
        if (range is null) return ApiJson.Invalid(errors);
        return TypedResults.Ok(MetricsDto.Of(await program.ReportAsync(range, ct)));
    }

    public static async Task<IResult> CapacityAsync(ProgramService program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        return TypedResults.Ok((await program.CapacityAsync(ct)).Select(CapacityDto.From).ToList());
    }

    public static async Task<IResult> CoverageAsync(ProgramService program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        var gaps = await program.CoverageAsync(ct);
        return TypedResults.Ok(gaps.Select(CoverageRow.From).ToList());
    }

    public static async Task<IResult> FatigueAsync(HttpRequest request, ProgramService program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(program);
        var errors = new FieldErrors();
        var overAsked = errors.Flag("overAsked", request.Query["overAsked"]);
        var neverAsked = errors.Flag("neverAsked", request.Query["neverAsked"]);
        var page = Paging.Read(request.Query, errors, token => FatigueOrder.TryReadToken(token) is not null);
        if (errors.Any) return ApiJson.Invalid(errors);
        var found = await program.FatigueAsync(new FatigueQuery(overAsked, neverAsked, page.PageSize, page.Continuation), ct);
        return Paging.Page(request, found.Items, found.Continuation);
    }
}
