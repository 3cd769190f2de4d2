using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

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
        var azureAd = builder.Configuration.GetSection("AzureAd");
        var entra = azureAd.Exists() && !string.IsNullOrEmpty(azureAd["ClientId"]);

        services.Configure<List<ApiKeyEntry>>(builder.Configuration.GetSection(ApiKeyAuthenticationHandler.Section));
        services.Configure<List<DemoUser>>(builder.Configuration.GetSection(DemoUsers.Section));
        services.AddSingleton<DemoUsers>();
        services.AddMemoryCache();
        services.AddScoped<IClaimsTransformation, OwnerClaimsTransformation>();
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
            if (request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return ApiKeyAuthenticationHandler.SchemeName;
            if (entra && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return JwtBearerDefaults.AuthenticationScheme;
            }
            var api = request.Path.StartsWithSegments("/api");
            if (api && !request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)))
            {
                return ApiKeyAuthenticationHandler.SchemeName;
            }
            return CookieAuthenticationDefaults.AuthenticationScheme;
        });
        auth.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (entra)
        {
            auth.AddMicrosoftIdentityWebApp(azureAd, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            auth.AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);
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

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.RequestsPolicy, p => p.RequireRole(Roles.SalesRep, Roles.ProgramManager))
            .AddPolicy(Roles.ProgramManagerPolicy, p => p.RequireRole(Roles.ProgramManager))
            .AddPolicy(Roles.OutcomePolicy, p => p.RequireRole(Roles.SalesRep, Roles.ProgramManager, Roles.Crm));
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
