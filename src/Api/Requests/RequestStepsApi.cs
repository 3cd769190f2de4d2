using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Deciding a request's step without the emailed link (api.md): the owner's approve and decline (the account's owner, or
/// the program manager on their behalf), and the program manager's "ask the next candidate", "ask several at once" and
/// "extend the need-by date".
/// Mapped beside /api/requests with their own role policies, since owners do not hold the requests policy.
/// </summary>
public static class RequestStepsApi
{
    public const int ReasonMaxLength = 2000;

    public static IEndpointRouteBuilder MapRequestStepsApi(this IEndpointRouteBuilder app)
    {
        var owner = app.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization(Roles.OwnerDecisionPolicy);
        owner.MapPost("/{id}/approve", ApproveAsync).WithSummary("Approve the owner's step open now (the account's owner, or the program manager on their behalf)")
            .Accepts<StepBody>("application/json").Produces<SubmittedResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        owner.MapPost("/{id}/decline", DeclineAsync).WithSummary("Decline the owner's step open now, with a reason; the request asks the next candidate")
            .Accepts<StepBody>("application/json").Produces<SubmittedResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        var manager = app.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization(Roles.ProgramManagerPolicy);
        manager.MapPost("/{id}/next", AskNextAsync).WithSummary("Stop waiting on the owner asked and ask the next candidate's owner")
            .Accepts<StepBody>("application/json").Produces<SubmittedResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        manager.MapPost("/{id}/extend", ExtendAsync).WithSummary("Move the need-by date later, until the call is arranged")
            .Accepts<ExtendBody>("application/json").Produces<SubmittedResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        manager.MapPost("/{id}/parallel", AskInParallelAsync).WithSummary("Ask several candidates at once from now on; the first reference to agree takes the call")
            .Produces<SubmittedResponse>().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static Task<IResult> ApproveAsync(string id, HttpRequest request, RequestStepService steps, CurrentUser user, CancellationToken ct) =>
        DecideAsync(id, request, steps, user, approve: true, ct);

    public static Task<IResult> DeclineAsync(string id, HttpRequest request, RequestStepService steps, CurrentUser user, CancellationToken ct) =>
        DecideAsync(id, request, steps, user, approve: false, ct);

    public static async Task<IResult> AskNextAsync(string id, HttpRequest request, RequestStepService steps, CurrentUser user, CancellationToken ct)
    {
        var (body, error) = await ReadStepAsync(request);
        return error ?? Answer(id, await steps.AskNextCandidateAsync(id, user, body!.Step, body.Reason, ct));
    }

    public static async Task<IResult> AskInParallelAsync(string id, RequestStepService steps, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return Answer(id, await steps.AskInParallelAsync(id, user, ct));
    }

    public static async Task<IResult> ExtendAsync(string id, HttpRequest request, RequestStepService steps, TimeProvider clock, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var (dto, error) = await ApiJson.ReadAsync<ExtendBody>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var neededBy = ExtendInput.Check(dto!.NeededBy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (neededBy is null) return ApiJson.Invalid(errors);
        return Answer(id, await steps.ExtendNeededByAsync(id, user, neededBy.Value, ct));
    }

    private static async Task<IResult> DecideAsync(string id, HttpRequest request, RequestStepService steps, CurrentUser user, bool approve, CancellationToken ct)
    {
        var (body, error) = await ReadStepAsync(request);
        return error ?? Answer(id, await steps.DecideAsOwnerAsync(id, user, approve, body!.Step, body.Reason, ct));
    }

    /// <summary>The optional body of approve, decline and next: none at all is an empty one.</summary>
    private static async Task<(StepBody? Body, IResult? Error)> ReadStepAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is null or 0 && !request.HasJsonContentType()) return (new StepBody(null, null), null);
        var (dto, error) = await ApiJson.ReadAsync<StepBody>(request);
        if (error is not null) return (null, error);
        var errors = new FieldErrors();
        var step = errors.Optional("step", dto!.Step, 100);
        var reason = errors.Optional("reason", dto.Reason, ReasonMaxLength);
        return errors.Any ? (null, ApiJson.Invalid(errors)) : (new StepBody(step, reason), null);
    }

    public static IResult Answer(string id, RequestResult result) => result switch
    {
        RequestResult.Done done => TypedResults.Ok(new SubmittedResponse(done.Id, done.State)),
        RequestResult.Forbidden => TypedResults.Problem(statusCode: 403, title: "Only the account's owner or the program manager may decide this."),
        RequestResult.MovedOn movedOn => TypedResults.Problem(statusCode: 409, title: "The request has moved on.", detail: movedOn.Message),
        RequestResult.Invalid invalid => ApiJson.Invalid(One(invalid.Field, invalid.Message)),
        _ => TypedResults.Problem(statusCode: 404, title: "Request not found.", detail: $"No request '{id}' is visible to you."),
    };

    private static FieldErrors One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }
}

/// <summary>
/// The body of approve, decline and next, all optional: the owner's step it answers (<c>step</c> from GET; the step open now
/// when absent) and a reason (a decline's helps the next match; the program manager's note goes to the owner).
/// </summary>
public sealed record StepBody(string? Step, string? Reason);

/// <summary>The body of extend: the new need-by date.</summary>
public sealed record ExtendBody(DateOnly? NeededBy);
