using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.ProgramHealth;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Api.References;

/// <summary>/api/references: the directory, for program managers; the handlers both hosts route to.</summary>
public static class ReferencesApi
{
    public static IEndpointRouteBuilder MapReferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/references").WithTags("References").RequireAuthorization(Roles.ProgramManagerPolicy);
        group.MapPut("/{referenceId}", PutAsync).WithSummary("Create or replace a reference account with its contacts")
            .Accepts<ReferenceDto>("application/json")
            .Produces<ReferenceAccount>(200).Produces<ReferenceAccount>(201).ProducesValidationProblem();
        group.MapGet("/{referenceId}", GetAsync).WithSummary("One reference account").Produces<ReferenceAccount>().ProducesProblem(404);
        group.MapGet("/", ListAsync).WithSummary("Search the directory by account name: industry, country, product, status, activity, topic, level (1-3), usage (overAsked, neverAsked), q, owner; pageSize, continuation")
            .Produces<IReadOnlyList<ReferenceAccount>>().ProducesValidationProblem();
        group.MapPost("/import", ImportAsync).WithSummary("Import a CSV file: a header row, one row per contact, lists separated by ';'")
            .Accepts<string>("text/csv").Produces<ImportResult>().Produces<ImportJob>(202).ProducesProblem(415);
        group.MapGet("/imports/{id}", ImportJobAsync).WithSummary("A background import's progress, counts and rejected lines")
            .Produces<ImportJob>().ProducesProblem(404);
        // The account's owner may set their own; the service checks which account is theirs.
        var standing = app.MapGroup("/api/references").WithTags("References").RequireAuthorization(Roles.OwnerDecisionPolicy);
        standing.MapPut("/{referenceId}/standing-approval", PutStandingAsync).WithSummary("Let asks for these contacts go straight to the reference, within their caps")
            .Accepts<StandingApprovalDto>("application/json").Produces<StandingApproval>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        standing.MapDelete("/{referenceId}/standing-approval", DeleteStandingAsync).WithSummary("Revoke the standing approval: the next ask waits for the owner")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> PutStandingAsync(string referenceId, HttpRequest request, StandingApprovals approvals, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        var (dto, error) = await ApiJson.ReadAsync<StandingApprovalDto>(request);
        return error ?? Answer(await approvals.SetAsync(referenceId, dto!, user, ct), referenceId);
    }

    public static async Task<IResult> DeleteStandingAsync(string referenceId, StandingApprovals approvals, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        var change = await approvals.RevokeAsync(referenceId, user, ct);
        return change is StandingApprovalChange.Done ? TypedResults.NoContent() : Answer(change, referenceId);
    }

    private static IResult Answer(StandingApprovalChange change, string referenceId) => change switch
    {
        StandingApprovalChange.Done done => TypedResults.Ok(done.Account.StandingApproval),
        StandingApprovalChange.Invalid invalid => ApiJson.Invalid(invalid.Errors),
        StandingApprovalChange.Forbidden => TypedResults.Problem(statusCode: 403, title: "Not your account.",
            detail: "Only the account's owner or the program manager can change its standing approval."),
        _ => NotFound(referenceId),
    };

    private static IResult NotFound(string referenceId) =>
        TypedResults.Problem(statusCode: 404, title: "Reference not found.", detail: $"No reference account '{referenceId}'.");

    public static async Task<IResult> PutAsync(string referenceId, HttpRequest request, IReferenceDirectory directory, PeopleDirectory people, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<ReferenceDto>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var account = ReferenceValidator.Validate(referenceId, dto!, errors);
        if (account is null) return ApiJson.Invalid(errors);
        var created = await directory.ReplaceAsync(account, ct);
        if (ReferenceValidator.OwnerOf(dto!) is { } owner) await people.RememberAsync(owner, ct);
        return created
            ? TypedResults.Created($"/api/references/{Uri.EscapeDataString(referenceId)}", account)
            : TypedResults.Ok(account);
    }

    public static async Task<IResult> GetAsync(string referenceId, IReferenceDirectory directory, CancellationToken ct) =>
        await directory.GetAsync(referenceId, ct) is { } account
            ? TypedResults.Ok(account)
            : NotFound(referenceId);

    public static async Task<IResult> ListAsync(HttpRequest request, IReferenceDirectory directory, ProgramService program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(program);
        var errors = new FieldErrors();
        var filter = DirectoryQuery.From(request.Query).ToFilter(errors);
        var page = Paging.Read(request.Query, errors, token => DirectoryOrder.TryReadToken(token) is not null);
        if (errors.Any) return ApiJson.Invalid(errors);
        // Level and usage need every contact's usage: read only when asked for.
        if (filter.NeedsStandings) filter = filter with { Standings = await program.StandingsAsync(ct) };
        var found = await directory.PageAsync(filter, page.PageSize, page.Continuation, ct);
        return Paging.Page(request, found.Items, found.Continuation);
    }

    public static async Task<IResult> ImportAsync(HttpRequest request, ReferenceImporter importer, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the directory as text/csv with a header row.");
        }
        using var reader = new StreamReader(request.Body);
        return await importer.ImportAsync(reader, user.Email, ct) switch
        {
            ImportOutcome.Finished finished => TypedResults.Ok(finished.Result),
            ImportOutcome.Started started => TypedResults.Accepted(ImportLocation(started.JobId), await importer.JobAsync(started.JobId, ct)),
            ImportOutcome.Unreadable unreadable => Unreadable(unreadable.Reason),
            _ => throw new InvalidOperationException("An import either finished or started."),
        };
    }

    private static IResult Unreadable(string reason)
    {
        var errors = new FieldErrors();
        errors.Add("header", reason);
        return ApiJson.Invalid(errors);
    }

    public static async Task<IResult> ImportJobAsync(string id, ReferenceImporter importer, CancellationToken ct) =>
        await importer.JobAsync(id, ct) is { } job
            ? TypedResults.Ok(job)
            : TypedResults.Problem(statusCode: 404, title: "Import not found.", detail: $"No import '{id}'.");

    public static string ImportLocation(string jobId) => $"/api/references/imports/{Uri.EscapeDataString(jobId)}";
}
