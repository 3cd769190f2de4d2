using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.Erasure;

/// <summary>/api/erasures (api.md, "Erasure and retention"), program managers only: the handlers both hosts route to.</summary>
public static class ErasuresApi
{
    public static IEndpointRouteBuilder MapErasuresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/erasures").WithTags("Erasure").RequireAuthorization(Roles.ProgramManagerPolicy);
        group.MapPost("/", EraseAsync)
            .WithSummary("Erase a contact by email: name, email and phone replaced by a pseudonym in every store (202, Location of the erasure; 409 while an open request asks them)")
            .Accepts<ErasureInput>("application/json")
            .Produces<ErasureView>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("/{id}", GetAsync).WithSummary("An erasure's progress and, when done, the stores it cleared").Produces<ErasureView>().ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> EraseAsync(HttpRequest request, ErasureService service, CurrentUser user, CancellationToken ct)
    {
        var (dto, error) = await ApiJson.ReadAsync<ErasureInput>(request);
        if (error is not null) return error;
        var errors = new FieldErrors();
        var email = ErasureService.ReadEmail(dto!.Email, errors);
        if (email is null) return ApiJson.Invalid(errors);
        return await service.EraseAsync(email, user, ct) switch
        {
            ErasureOutcome.Done done => TypedResults.Accepted($"/api/erasures/{done.Record.Id}", ErasureView.Of(done.Record)),
            ErasureOutcome.Busy busy => TypedResults.Problem(statusCode: 409, title: "The contact takes part in an open request now.",
                detail: $"Cancel request(s) {string.Join(", ", busy.RequestIds)} or erase once they end; nothing was erased."),
            _ => throw new InvalidOperationException("Unknown erasure outcome."),
        };
    }

    public static async Task<IResult> GetAsync(string id, ErasureService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } record
            ? TypedResults.Ok(ErasureView.Of(record))
            : TypedResults.Problem(statusCode: 404, title: "Erasure not found.", detail: $"No erasure '{id}'.");
}
