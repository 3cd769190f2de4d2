namespace ReferenceFlow.Api.Nominations;

/// <summary>/invitations/{token} on the Web host: anonymous, the signed single-use link is the credential; HEAD and GET never act.</summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/invitations").AllowAnonymous().ExcludeFromDescription();
        group.MapMethods("/{token}", [HttpMethods.Head], InvitationPages.Head);
        group.MapGet("/{token}", (string token, InvitationService invitations, HttpContext context) => InvitationPages.ViewAsync(context, token, invitations));
        // Antiforgery is off as on the action links: the signed token in the URL authorizes the POST, and the contact
        // arrives from an email without a session of ours.
        group.MapPost("/{token}", (string token, InvitationService invitations, HttpContext context) => InvitationPages.AnswerAsync(context, token, invitations))
            .DisableAntiforgery();
        return app;
    }
}
