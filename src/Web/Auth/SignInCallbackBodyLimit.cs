using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using ReferenceFlow.Api.Limits;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// Entra ID's answer is a form posted to the sign-in callback, and the OpenID Connect handler reads it inside
/// authentication, before any caller is known: that post gets the small limit of anyone not signed in, checked first.
/// </summary>
public static class SignInCallbackBodyLimit
{
    public static IApplicationBuilder UseSignInCallbackBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await IsCallbackAsync(context) && await BodySizeLimit.CheckAsync(context.Request, BodySizeLimit.AnonymousBytes) is { } tooLarge)
            {
                await tooLarge.ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static async Task<bool> IsCallbackAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return false;
        var schemes = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is null) return false;
        var oidc = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var path = context.Request.Path;
        return path == oidc.CallbackPath || path == oidc.SignedOutCallbackPath || path == oidc.RemoteSignOutPath;
    }
}
