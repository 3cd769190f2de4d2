using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// One policy scheme picks per request: API key, Entra ID bearer token, or the browser cookie
/// (signed in by Entra ID OpenID Connect when <c>AzureAd</c> is configured, else the Development sign-in).
/// </summary>
public static class AuthSetup
{
    private const string Selector = "ReferenceFlow";

    public static WebApplicationBuilder AddReferenceFlowAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var entra = ApiAuthentication.IsEntraConfigured(builder.Configuration);

        services.Configure<List<DemoUser>>(builder.Configuration.GetSection(DemoUsers.Section));
        services.AddSingleton<DemoUsers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPeopleSource, DemoPeople>());
        services.TryAddSingleton<SignInZones>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => CurrentUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User) ?? CurrentUser.Anonymous);

        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultChallengeScheme = Selector;
        });
        auth.AddPolicyScheme(Selector, "API key, bearer token or cookie", o => o.ForwardDefaultSelector = context =>
        {
            var request = context.Request;
            if (ApiAuthentication.SchemeFor(request, entra) is { } scheme) return scheme;
            var api = request.Path.StartsWithSegments("/api");
            if (api && !request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)))
            {
                return ApiKeyAuthenticationHandler.SchemeName;
            }
            return CookieAuthenticationDefaults.AuthenticationScheme;
        });
        auth.AddApiSchemes(builder.Configuration);

        if (entra)
        {
            auth.AddMicrosoftIdentityWebApp(builder.Configuration.GetSection(ApiAuthentication.AzureAdSection),
                OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            services.RefuseOtherTenantsAtSignIn(EntraTenant.From(builder.Configuration));
            services.RememberNamesAtSignIn();
        }
        else
        {
            auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/forbidden";
            o.SlidingExpiration = true;
            var redirect = o.Events.OnRedirectToLogin;
            var denied = o.Events.OnRedirectToAccessDenied;
            // The API answers with status codes; only pages redirect to sign in.
            o.Events.OnRedirectToLogin = c => IsApi(c.Request) ? Status(c.Response, 401)
                : entra ? c.HttpContext.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, c.Properties)
                : redirect(c);
            o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request) ? Status(c.Response, 403) : denied(c);
        });
        services.AddReferenceFlowAuthorization();
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
