using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Storage.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>/api/nominations (api.md, "Nominations"): anyone signed in proposes; the program manager decides. The handlers both hosts route to.</summary>
public static class NominationsApi
{
    public static IEndpointRouteBuilder MapNominationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/nominations").WithTags("Nominations").RequireAuthorization(Roles.NominationsPolicy);
        group.MapPost("/", ProposeAsync).WithSummary("Propose a contact for the reference program (202, Location of the nomination)")
            .Accepts<NominationDto>("application/json").Produces<Nomination>(202).Produces<Nomination>().ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("/", ListAsync).WithSummary("Nominations, newest first: all for the program manager, your own otherwise (state; pageSize, continuation)")
            .Produces<IReadOnlyList<Nomination>>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).WithSummary("One nomination with its history").Produces<Nomination>().ProducesProblem(404);
        group.MapPost("/{id}/approve", ApproveAsync).WithSummary("Approve: the contact is emailed an invitation to join")
            .RequireAuthorization(Roles.ProgramManagerPolicy).Produces<Nomination>().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id}/decline", DeclineAsync).WithSummary("Decline with a reason; the contact is not told")
            .RequireAuthorization(Roles.ProgramManagerPolicy).Accepts<NominationDeclineDto>("application/json")
            .Produces<Nomination>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<IResult> ProposeAsync(HttpRequest request, NominationService nominations, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<NominationDto>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var key = IdempotencyKey.Read(request, errors);
        var proposal = NominationValidator.Validate(dto!, errors);
        if (proposal is null || errors.Any) return ApiJson.Invalid(errors);
        return await nominations.ProposeAsync(proposal, user, key, ct) switch
        {
            // The same key again: the nomination it created, not a second one.
            NominationResult.Done { Created: true } done => TypedResults.Accepted(Location(done.Nomination.Id), done.Nomination),
            var other => Answer("", other),
        };
    }

    public static async Task<IResult> ListAsync(HttpRequest request, NominationService nominations, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var state = request.Query["state"].ToString() is { Length: > 0 } text ? errors.Enum<NominationState>("state", text) : (NominationState?)null;
        var page = Paging.Read(request.Query, errors, NominationStore.IsPageToken);
        if (errors.Any) return ApiJson.Invalid(errors);
        var (items, next) = await nominations.ListAsync(state, user, page.PageSize, page.Continuation, ct);
        return Paging.Page(request, items, next);
    }

    public static async Task<IResult> GetAsync(string id, NominationService nominations, CurrentUser user, CancellationToken ct) =>
        await nominations.GetAsync(id, user, ct) is { } found ? TypedResults.Ok(found) : NotFound(id);

    public static async Task<IResult> ApproveAsync(string id, NominationService nominations, CurrentUser user, CancellationToken ct) =>
        Answer(id, await nominations.ApproveAsync(id, user, ct));

    public static async Task<IResult> DeclineAsync(string id, HttpRequest request, NominationService nominations, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<NominationDeclineDto>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var reason = errors.Required("reason", dto!.Reason, NominationValidator.MaxReasonLength);
        if (errors.Any) return ApiJson.Invalid(errors);
        return Answer(id, await nominations.DeclineAsync(id, reason!, user, ct));
    }

    public static string Location(string id) => $"/api/nominations/{Uri.EscapeDataString(id)}";

    private static IResult Answer(string id, NominationResult result) => result switch
    {
        NominationResult.Done done => TypedResults.Ok(done.Nomination),
        NominationResult.Invalid invalid => ApiJson.Invalid(invalid.Errors),
        NominationResult.Conflict conflict => TypedResults.Problem(statusCode: 409, title: "This contact is already known.", detail: conflict.Message),
        _ => NotFound(id),
    };

    private static IResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Nomination not found.", detail: $"No nomination '{id}' is visible to you.");
}
