using ReferenceFlow.Api.References;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Api.Actions;

/// <summary>
/// Email action links: viewing never acts; posting acts once. Single use is a mark on the request
/// ("used:{token id}", holding the answer) set before the answer goes to the workflow; a step that moved on is the
/// decider's to judge (it records the late answer).
/// </summary>
public sealed class ActionService(
    ActionTokenService tokens,
    RequestWorkflow workflow,
    RequestStore store,
    StandingApprovals standing,
    TimeProvider clock)
{
    public async Task<ActionPageModel> ViewAsync(string token, string? decision, CancellationToken ct)
    {
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var snapshot = await workflow.LoadAsync(claims!.RequestId, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted) return UnknownRequest();
        // The answer is in even while the workflow has not yet moved on: never show the form again for a used link.
        if (await store.IsMarkedAsync(claims.RequestId, UsedMark(claims.TokenId), ct)) return AlreadyUsed();
        // The ask the link belongs to, the current one or one asked in parallel, read as the person asked sees it.
        if (snapshot.State.AskingAt(claims.Step) is not { } asked) return MovedOn();
        var decisions = DecisionsFor(claims.Action);
        return new ActionPageModel.Form(token, claims.Action, decisions, decisions.Contains(decision ?? "") ? decision : null, asked, null,
            await FromNowOnOfferAsync(claims, asked, ct));
    }

    /// <param name="fromNowOn">The owner ticked "from now on": approving also sets a standing approval for the contact.</param>
    public async Task<ActionPageModel> ActAsync(string token, string? decision, string? reason, bool fromNowOn, CancellationToken ct)
    {
        var (claims, refused) = Check(token);
        if (refused is not null) return refused;
        var decisions = DecisionsFor(claims!.Action);
        if (decision is null || !decisions.Contains(decision))
        {
            var current = await workflow.LoadAsync(claims.RequestId, ct);
            if (current is null || !current.State.IsSubmitted) return UnknownRequest();
            var shown = current.State.AskingAt(claims.Step) ?? current.State;
            return new ActionPageModel.Form(token, claims.Action, decisions, null, shown, $"Choose one of: {string.Join(", ", decisions)}.",
                await FromNowOnOfferAsync(claims, shown, ct));
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 2000)];
        var now = clock.GetUtcNow();
        RequestCommand command = claims.Action == ActionNames.OwnerApproval
            ? new DecideAsOwner(claims.Step, claims.ActorEmail, decision == ActionNames.Approve, reason, now)
            : new DecideAsReference(claims.Step, claims.ActorEmail, decision == ActionNames.Accept, reason, now);
        // Read before the answer moves the request on: the candidate the owner says "from now on" for.
        var standingFor = fromNowOn && claims.Action == ActionNames.OwnerApproval && decision == ActionNames.Approve
            ? (await workflow.LoadAsync(claims.RequestId, ct))?.State.AskingAt(claims.Step)?.Current
            : null;
        var used = UsedMark(claims.TokenId);
        if (!await store.TryMarkAsync(claims.RequestId, used, ct, decision) && !await IsRepeatStillWaitingAsync(claims, used, decision, ct))
        {
            return AlreadyUsed();
        }
        CommandOutcome outcome;
        try
        {
            outcome = await workflow.SendAsync(claims.RequestId, command, ct);
        }
        catch (Domain.Workflow.DomainException)
        {
            return MovedOn();
        }
        catch
        {
            // The answer did not reach the request: the link must still work when the person tries again.
            await store.UnmarkAsync(claims.RequestId, used, CancellationToken.None);
            throw;
        }
        return outcome switch
        {
            CommandOutcome.NotFound => UnknownRequest(),
            CommandOutcome.Accepted { Events: var events } when events.Count == 0 || events.Any(e => e is LateAnswerRecorded) => MovedOn(),
            CommandOutcome.Accepted accepted => new ActionPageModel.Confirmed(decision, accepted.Expected,
                standingFor is null ? null : await standing.TrySetFromNowOnAsync(standingFor.ReferenceId, standingFor.ContactId, claims.ActorEmail, ct)),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
    }

    private async Task<string?> FromNowOnOfferAsync(ActionClaims claims, RequestState asked, CancellationToken ct) =>
        claims.Action == ActionNames.OwnerApproval && asked.Current is { } candidate
            ? await standing.FromNowOnOfferAsync(candidate.ReferenceId, candidate.ContactId, claims.ActorEmail, ct)
            : null;

    public static IReadOnlyList<string> DecisionsFor(string action) => action == ActionNames.OwnerApproval
        ? [ActionNames.Approve, ActionNames.Decline]
        : [ActionNames.Accept, ActionNames.Decline];

    /// <summary>The refusal of a token whose signature, expiry or kind is wrong, read from the token alone (no storage), so
    /// a post's body need not be read for a link that cannot act; null when the token may go on to be checked in full.</summary>
    public ActionPageModel? RefusalBeforeReading(string token) => Check(token).Refused;

    private (ActionClaims? Claims, ActionPageModel? Refused) Check(string token) => tokens.Validate(token, clock.GetUtcNow()) switch
    {
        ActionTokenValidation.Valid v when v.Claims.Action is ActionNames.OwnerApproval or ActionNames.ReferenceConsent => (v.Claims, null),
        ActionTokenValidation.Expired => (null, new ActionPageModel.Refused(410, "This link has expired",
            "The decision it asked for has timed out. If you still want to help, reply to the email and the program manager will follow up.")),
        _ => (null, new ActionPageModel.Refused(400, "This link is not valid",
            "It may have been cut short or altered. Use the buttons in the original email.")),
    };

    /// <summary>
    /// The same answer again while the request still waits on this step: the post that set the mark may have died before
    /// handing the answer over (a crash between the two), so this one hands it over again; the decider takes a repeat of
    /// the answer that decided a step as no news. Another answer on a used link is refused.
    /// </summary>
    private async Task<bool> IsRepeatStillWaitingAsync(ActionClaims claims, string used, string decision, CancellationToken ct) =>
        await store.ReadMarkAsync(claims.RequestId, used, ct) == decision
        && (await workflow.LoadAsync(claims.RequestId, ct))?.State.AskingAt(claims.Step) is not null;

    private static string UsedMark(string tokenId) => "used:" + tokenId;

    private static ActionPageModel.Refused AlreadyUsed() => new(410, "This link was already used",
        "Your answer was recorded the first time; nothing more is needed.");

    private static ActionPageModel.Refused MovedOn() => new(410, "This request has moved on",
        "Someone already answered, or the request went to another reference or was closed. Nothing was changed.");

    private static ActionPageModel.Refused UnknownRequest() => new(404, "Request not found",
        "The request this link belongs to does not exist.");
}
