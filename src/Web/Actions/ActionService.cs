using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Web.Actions;

/// <summary>
/// Email action links: viewing never acts; posting acts once. Single use is the stream's dedupe on
/// "action:{token id}"; a step that moved on is the decider's to judge (it records the late answer).
/// </summary>
public sealed class ActionService(
    ActionTokenService tokens,
    DurableRuntime<RequestState, RequestCommand, RequestEvent> runtime,
    TimeProvider clock)
{
    public async Task<ActionPageModel> ViewAsync(string token, string? decision, CancellationToken ct)
    {
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var snapshot = await runtime.LoadAsync(claims!.RequestId, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted) return UnknownRequest();
        if (snapshot.State.Step != claims.Step) return MovedOn();
        var decisions = DecisionsFor(claims.Action);
        return new ActionPageModel.Form(token, claims.Action, decisions, decisions.Contains(decision ?? "") ? decision : null, snapshot.State, null);
    }

    public async Task<ActionPageModel> ActAsync(string token, string? decision, string? reason, CancellationToken ct)
    {
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var decisions = DecisionsFor(claims!.Action);
        if (decision is null || !decisions.Contains(decision))
        {
            var current = await runtime.LoadAsync(claims.RequestId, ct);
            return current is null || !current.State.IsSubmitted
                ? UnknownRequest()
                : new ActionPageModel.Form(token, claims.Action, decisions, null, current.State, $"Choose one of: {string.Join(", ", decisions)}.");
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 2000)];
        var now = clock.GetUtcNow();
        RequestCommand command = claims.Action == ActionNames.OwnerApproval
            ? new DecideAsOwner(claims.Step, claims.ActorEmail, decision == ActionNames.Approve, reason, now)
            : new DecideAsReference(claims.Step, claims.ActorEmail, decision == ActionNames.Accept, reason, now);
        CommandOutcome<RequestState> outcome;
        try
        {
            outcome = await runtime.ExecuteAsync(claims.RequestId, command, $"action:{claims.TokenId}", mustExist: true, ct);
        }
        catch (Domain.Workflow.DomainException)
        {
            return MovedOn();
        }
        return outcome switch
        {
            NotFound<RequestState> => UnknownRequest(),
            Duplicate<RequestState> => new ActionPageModel.Refused(410, "This link was already used",
                "Your answer was recorded the first time; nothing more is needed."),
            Applied<RequestState> { Events: var events } when events.Count == 0 || events.Any(e => e is LateAnswerRecorded) => MovedOn(),
            Applied<RequestState> applied => new ActionPageModel.Confirmed(decision, applied.State),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
    }

    public static IReadOnlyList<string> DecisionsFor(string action) => action == ActionNames.OwnerApproval
        ? [ActionNames.Approve, ActionNames.Decline]
        : [ActionNames.Accept, ActionNames.Decline];

    private (ActionClaims? Claims, ActionPageModel? Refused) Check(string token) => tokens.Validate(token, clock.GetUtcNow()) switch
    {
        ActionTokenValidation.Valid v when v.Claims.Action is ActionNames.OwnerApproval or ActionNames.ReferenceConsent => (v.Claims, null),
        ActionTokenValidation.Expired => (null, new ActionPageModel.Refused(410, "This link has expired",
            "The decision it asked for has timed out. If you still want to help, reply to the email and the program manager will follow up.")),
        _ => (null, new ActionPageModel.Refused(400, "This link is not valid",
            "It may have been cut short or altered. Use the buttons in the original email.")),
    };

    private static ActionPageModel.Refused MovedOn() => new(410, "This request has moved on",
        "Someone already answered, or the request went to another reference or was closed. Nothing was changed.");

    private static ActionPageModel.Refused UnknownRequest() => new(404, "Request not found",
        "The request this link belongs to does not exist.");
}
