using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Web.Api.Validation;
using ReferenceFlow.Web.Auth;

namespace ReferenceFlow.Web.Api.References;

/// <summary>/api/references: the directory, for program managers.</summary>
public static class ReferencesApi
{
    public static IEndpointRouteBuilder MapReferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/references").WithTags("References").RequireAuthorization(Roles.ProgramManagerPolicy);
        group.MapPut("/{referenceId}", PutAsync).WithSummary("Create or replace a reference account with its contacts")
            .Accepts<ReferenceDto>("application/json")
            .Produces<ReferenceAccount>(200).Produces<ReferenceAccount>(201).ProducesValidationProblem();
        group.MapGet("/{referenceId}", GetAsync).WithSummary("One reference account");
        group.MapGet("/", ListAsync).WithSummary("Search the directory: industry, country, status, activity, topic, q")
            .Produces<IReadOnlyList<ReferenceAccount>>().ProducesValidationProblem();
        group.MapPost("/import", ImportAsync).WithSummary("Import a CSV file: a header row, one row per contact, lists separated by ';'")
            .Accepts<string>("text/csv").Produces<ImportResult>().ProducesProblem(415);
        return app;
    }

    private static async Task<IResult> PutAsync(string referenceId, HttpRequest request, IReferenceDirectory directory, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<ReferenceDto>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var account = ReferenceValidator.Validate(referenceId, dto!, errors);
        if (account is null) return ApiJson.Invalid(errors);
        var created = await directory.UpsertAsync(account, ct);
        return created
            ? TypedResults.Created($"/api/references/{Uri.EscapeDataString(referenceId)}", account)
            : TypedResults.Ok(account);
    }

    private static async Task<Results<Ok<ReferenceAccount>, NotFound>> GetAsync(string referenceId, IReferenceDirectory directory, CancellationToken ct) =>
        await directory.GetAsync(referenceId, ct) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();

    private static async Task<IResult> ListAsync(
        IReferenceDirectory directory, string? industry, string? country, string? status, string? activity,
        string? topic, string? q, string? owner, CancellationToken ct)
    {
        var errors = new FieldErrors();
        AccountStatus? parsedStatus = status is null ? null : errors.Enum<AccountStatus>("status", status);
        Activity? parsedActivity = activity is null ? null : errors.Enum<Activity>("activity", activity);
        if (errors.Any) return ApiJson.Invalid(errors);
        var accounts = await directory.ListAsync(
            new ReferenceFilter(industry, country, parsedStatus, owner, parsedActivity, topic, q), ct);
        return TypedResults.Ok(accounts);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ReferenceImporter importer, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the directory as text/csv with a header row.");
        }
        using var reader = new StreamReader(request.Body);
        return TypedResults.Ok(await importer.ImportAsync(reader, ct));
    }
}
