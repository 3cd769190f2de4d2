using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Api.Requests.Intake;
using ReferenceFlow.Api.Requests.Views;

namespace ReferenceFlow.Api.Requests;

/// <summary>/api/requests and /api/opportunities/{crmId}/outcome (api.md): the handlers both hosts route to.</summary>
public static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization(Roles.RequestsPolicy);
        group.MapPost("/", SubmitAsync).WithSummary("Submit a reference request (202, Location of the new request)").Accepts<IntakeDto>("application/json")
            .Produces<SubmittedResponse>(StatusCodes.Status202Accepted).Produces<SubmittedResponse>().ProducesValidationProblem().ProducesProblem(413);
        group.MapGet("/{id}", GetAsync).WithSummary("A request with its candidates, timers and history").Produces<RequestView>().ProducesProblem(404);
        group.MapGet("/", ListAsync).WithSummary("List requests, newest first (state, mine; pageSize, continuation)").Produces<IReadOnlyList<RequestListItem>>();
        group.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a request").Produces<SubmittedResponse>().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id}/debrief", DebriefAsync).WithSummary("Debrief the call").Accepts<DebriefInput>("application/json")
            .Produces<SubmittedResponse>().ProducesProblem(404).ProducesProblem(409);
        app.MapPost("/api/opportunities/{crmId}/outcome", OutcomeAsync).WithSummary("Record Won or Lost for every request of an opportunity, in any state (CRM webhook)").WithTags("Requests")
            .RequireAuthorization(Roles.OutcomePolicy).Accepts<OutcomeInput>("application/json").Produces<OutcomeResponse>().ProducesProblem(404);
        app.MapRequestStepsApi();
        return app;
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, IntakeValidator validator, RequestService service, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<IntakeDto>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var key = IdempotencyKey.Read(request, errors);
        var intake = validator.Validate(dto!, errors);
        if (intake is null || errors.Any) return ApiJson.Invalid(errors);
        var done = await service.SubmitAsync(intake, user, ct, key);
        var body = new SubmittedResponse(done.RequestId, done.State);
        // The same key again: the request it created, not a new one.
        return done.Created ? TypedResults.Accepted($"/api/requests/{done.RequestId}", body) : TypedResults.Ok(body);
    }

    public static async Task<IResult> GetAsync(string id, RequestService service, CurrentUser user, CancellationToken ct) =>
        await service.GetAsync(id, user, ct) is RequestLookup.Found found ? TypedResults.Ok(found.View) : NotFound(id);

    public static async Task<IResult> ListAsync(HttpRequest request, RequestService service, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var state = request.Query["state"].ToString() is { Length: > 0 } text ? errors.Enum<RequestStatus>("state", text) : (RequestStatus?)null;
        var onlyMine = errors.Flag("mine", request.Query["mine"]);
        var page = Paging.Read(request.Query, errors);
        if (errors.Any) return ApiJson.Invalid(errors);
        var found = await service.ListAsync(new RequestListQuery(state, onlyMine, PageSize: page.PageSize, Continuation: page.Continuation), user, ct);
        return Paging.Page(request, found.Items, found.Continuation);
    }

    public static async Task<IResult> CancelAsync(string id, RequestService service, CurrentUser user, CancellationToken ct) =>
        Answer(id, await service.CancelAsync(id, user, null, ct));

    public static async Task<IResult> DebriefAsync(string id, HttpRequest request, RequestService service, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<DebriefBody>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var input = DebriefInput.From(dto!, errors);
        if (errors.Any) return ApiJson.Invalid(errors);
        return Answer(id, await service.DebriefAsync(id, user, input, ct));
    }

    public static async Task<IResult> OutcomeAsync(string crmId, HttpRequest request, RequestService service, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<OutcomeInput>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        // Read as text and matched by exact name: the contract takes "Won" or "Lost", not "won" or a number.
        if (!DealOutcomes.TryParse(dto!.Outcome, out var outcome)) errors.Add("outcome", $"Required: {DealOutcomes.Choices}.");
        if (errors.Any) return ApiJson.Invalid(errors);
        // The path keeps an escaped '/' as sent (every other escape is decoded), so an id with '/' arrives with %2F.
        crmId = crmId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var done = crmId.Length <= IntakeValidator.CrmIdMaxLength
            ? await service.RecordOutcomeAsync(crmId, outcome, user, ct)
            : new OutcomeRecording(OpportunityKnown: false, Changed: []);
        // The same outcome again is a 200 that changed nothing, so a CRM retrying its webhook sees success; the other
        // outcome after one was recorded is a conflict the CRM should hear of.
        return done switch
        {
            { OpportunityKnown: false } => TypedResults.Problem(statusCode: 404, title: "No request for this opportunity.",
                detail: $"Opportunity '{crmId}' has no request visible to you."),
            { Changed: [], RecordedOtherwise: { } recorded } => TypedResults.Problem(statusCode: 409, title: "The opportunity's outcome is already recorded.",
                detail: $"Opportunity '{crmId}' was recorded as {recorded}; that outcome stays."),
            _ => TypedResults.Ok(new OutcomeResponse(crmId, outcome, done.Changed.Select(d => new SubmittedResponse(d.Id, d.State)).ToList())),
        };
    }

    private static IResult Answer(string id, RequestResult result) => result switch
    {
        RequestResult.Done done => TypedResults.Ok(new SubmittedResponse(done.Id, done.State)),
        RequestResult.Forbidden => TypedResults.Problem(statusCode: 403, title: "Only the requester or the program manager may do this."),
        _ => NotFound(id),
    };

    private static IResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Request not found.", detail: $"No request '{id}' is visible to you.");
}
