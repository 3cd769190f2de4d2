namespace ReferenceFlow.Api.Preferences;

/// <summary>/preferences/{token} on the Web host: anonymous, the signed link is the credential; HEAD and GET never change anything.</summary>
public static class PreferencesEndpoints
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/preferences").AllowAnonymous().ExcludeFromDescription();
        group.MapMethods("/{token}", [HttpMethods.Head], PreferencesPages.Head);
        group.MapGet("/{token}", (string token, PreferencesService preferences, HttpContext context) => PreferencesPages.ViewAsync(context, token, preferences));
        // Antiforgery is off as on the action links: the signed token in the URL authorizes the POST, and the person
        // arrives from an email without a session of ours.
        group.MapPost("/{token}", (string token, PreferencesService preferences, HttpContext context) => PreferencesPages.ChangeAsync(context, token, preferences))
            .DisableAntiforgery();
        return app;
    }
}
