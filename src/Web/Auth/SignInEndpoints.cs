using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// POST /signin (Development: sign in as a demo user, form field <c>email</c>, optional <c>returnUrl</c>)
/// and POST /signout. The page at GET /signin lists <see cref="DemoUsers"/>.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/signout", (Delegate)SignOutAsync).ExcludeFromDescription();
        return app;
    }

    // Antiforgery is off here on purpose: signing in as a demo user grants nothing an attacker
    // could not do themselves, and it exists only in Development.
    private static async Task<IResult> SignInAsync(
        HttpContext context, DemoUsers demoUsers, PeopleDirectory people, [FromForm] string? email, [FromForm] string? returnUrl)
    {
        if (!demoUsers.Enabled) return TypedResults.NotFound();
        var user = demoUsers.Find(email);
        if (user is null)
        {
            return TypedResults.Redirect("/signin?error=unknown-user");
        }
        var claims = new List<Claim> { new(ClaimTypes.Email, user.Email), new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        // Marked as ours: its address and roles come from configuration, not from Entra ID (see LocalIdentities).
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, LocalIdentities.DemoSignIn));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await SignInNames.RememberAsync(people, user.Email, user.Name, context.RequestAborted);
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
