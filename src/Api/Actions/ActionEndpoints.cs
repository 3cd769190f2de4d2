namespace ReferenceFlow.Api.Actions;

/// <summary>/actions/{token} on the Web host: HEAD and GET never act (mail scanners open links); only POST decides.</summary>
public static class ActionEndpoints
{
    public static IEndpointRouteBuilder MapActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/actions").AllowAnonymous().ExcludeFromDescription();
        group.MapMethods("/{token}", [HttpMethods.Head], ActionPages.Head);
        group.MapGet("/{token}", (string token, ActionService actions, HttpContext context) => ActionPages.ViewAsync(context, token, actions));
        // Antiforgery is off on purpose: the signed, single-use token in the URL is what authorizes
        // the POST, and the person arrives from an email without a session or a prior page of ours.
        group.MapPost("/{token}", (string token, ActionService actions, HttpContext context) => ActionPages.ActAsync(context, token, actions))
            .DisableAntiforgery();
        return app;
    }
}
