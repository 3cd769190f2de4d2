using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Storage.Nominations;
using ReferenceFlow.Workflow.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>
/// The invitation link a nominated contact opens: viewing never acts; a posted yes or no is recorded on the nomination
/// once (the write must find it unanswered), then the invitation is woken to settle it. Its tokens are the action links'
/// (signed, expiring), for the nomination's one invitation step and the contact's own address.
/// </summary>
public sealed class InvitationService(ActionTokenService tokens, NominationStore store, NominationInvitations invitations, WorkflowPolicy policy, TimeProvider clock)
{
    public async Task<InvitationPageModel> ViewAsync(string token, CancellationToken ct)
    {
        var (nomination, refused) = await OpenAsync(token, ct);
        return refused is not null ? refused : new InvitationPageModel.Form(token, nomination!, policy.MaxCallsPerQuarter);
    }

    public async Task<InvitationPageModel> AnswerAsync(string token, string? decision, PreferencesForm choices, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (nomination, refused) = await OpenAsync(token, ct);
        if (refused is not null) return refused;
        var now = clock.GetUtcNow();
        NominationAnswer answer;
        switch (decision)
        {
            case ActionNames.Accept:
                var errors = new FieldErrors();
                var chosen = (choices with { Intent = PreferencesForm.Save, PausedUntil = null }).Validate(errors, policy.MaxCallsPerQuarter, null, DateOnly.FromDateTime(now.UtcDateTime));
                if (chosen is null) return new InvitationPageModel.Form(token, nomination!, policy.MaxCallsPerQuarter, errors.ToDictionary(), choices);
                answer = new NominationAnswer(true, now, chosen.Activities, chosen.Topics, chosen.MaxCallsPerQuarter);
                break;
            case ActionNames.Decline:
                answer = new NominationAnswer(false, now, [], [], null, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 2000)]);
                break;
            default:
                return new InvitationPageModel.Form(token, nomination!, policy.MaxCallsPerQuarter, Error: "Choose yes or no with one of the buttons below.");
        }

        Nomination answered;
        try
        {
            answered = (await store.UpdateAsync(nomination!.Id, n => n.Answered(answer), ct))!;
        }
        catch (DomainException)
        {
            return AlreadyUsed();
        }
        try
        {
            await invitations.AnsweredAsync(answered.Id, ct);
        }
        catch
        {
            // The invitation did not hear of it: the link must still work when the contact tries again.
            await store.UpdateAsync(answered.Id, n => n.Unanswered(answer), CancellationToken.None);
            throw;
        }
        return new InvitationPageModel.Answered(answer.Accepted, answered);
    }

    /// <summary>The refusal of a token whose signature, expiry or kind is wrong, read from the token alone (no storage), so
    /// a post's body need not be read for a link that cannot act; null when the token may go on to be checked in full.</summary>
    public InvitationPageModel? RefusalBeforeReading(string token) => tokens.Validate(token, clock.GetUtcNow()) switch
    {
        ActionTokenValidation.Valid { Claims.Action: ActionNames.NominationInvitation } => null,
        ActionTokenValidation.Expired { Claims.Action: ActionNames.NominationInvitation } => Expired(),
        _ => Invalid(),
    };

    /// <summary>The nomination the token opens while it awaits the contact's answer, or the page that says why not.</summary>
    private async Task<(Nomination? Nomination, InvitationPageModel.Refused? Refused)> OpenAsync(string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (tokens.Validate(token, now))
        {
            case ActionTokenValidation.Valid { Claims: { Action: ActionNames.NominationInvitation } claims }:
                var nomination = await store.GetAsync(claims.RequestId, ct);
                if (nomination is null) return (null, new(404, "Invitation not found", "The invitation this link belongs to does not exist."));
                if (!claims.IsFor(nomination.Contact.Email) || claims.Step != NominationEmails.Step) return (null, Invalid());
                if (nomination.Answer is not null || nomination.State is NominationState.Joined) return (null, AlreadyUsed());
                if (!nomination.AwaitsAnswer(now)) return (null, Expired());
                return (nomination, null);
            case ActionTokenValidation.Expired { Claims.Action: ActionNames.NominationInvitation }:
                return (null, Expired());
            default:
                return (null, Invalid());
        }
    }

    private static InvitationPageModel.Refused Invalid() => new(400, "This link is not valid",
        "It may have been cut short or altered. Use the buttons in the invitation email. Nothing was changed.");

    private static InvitationPageModel.Refused Expired() => new(410, "This invitation has expired",
        "It is no longer open, so nothing was changed. If you would still like to join, reply to the email and we will help.");

    private static InvitationPageModel.Refused AlreadyUsed() => new(410, "You have already answered",
        "Your answer was recorded the first time; nothing more is needed.");
}
