using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// A person of another Entra ID tenant who completes Entra's sign-in gets no cookie: the sign-in fails when the id token
/// is validated, before anything is issued, and they land on the 403 page rather than an error. (The API's bearer tokens
/// are checked the same way in ApiAuthentication, and every principal once more when its roles are decided.)
/// </summary>
public static class EntraSignInTenant
{
    private const string RefusedKey = "ReferenceFlow.EntraSignInRefused";

    public static IServiceCollection RefuseOtherTenantsAtSignIn(this IServiceCollection services, EntraTenant tenant) =>
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            var validated = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Result is null && context.Principal is { } principal && tenant.Refusal(principal) is { } reason)
                {
                    context.HttpContext.Items[RefusedKey] = true;
                    context.Fail(reason);
                }
            };
            var failed = o.Events.OnRemoteFailure;
            o.Events.OnRemoteFailure = context =>
            {
                if (!context.HttpContext.Items.ContainsKey(RefusedKey)) return failed(context);
                context.Response.Redirect("/forbidden");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
}
