using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Identity.Web;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// How API callers prove who they are — an <c>X-Api-Key</c>, or an Entra ID bearer token when <c>AzureAd</c> is
/// configured — and the role policies every endpoint names. Both hosts (Web, Functions) register these.
/// </summary>
public static class ApiAuthentication
{
    public const string AzureAdSection = "AzureAd";

    public static bool IsEntraConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureAd = configuration.GetSection(AzureAdSection);
        return azureAd.Exists() && !string.IsNullOrEmpty(azureAd["ClientId"]);
    }

    /// <summary>The API key scheme and, with Entra ID, the bearer scheme.</summary>
    public static AuthenticationBuilder AddApiSchemes(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(auth);
        auth.Services.Configure<List<ApiKeyEntry>>(configuration.GetSection(ApiKeyAuthenticationHandler.Section));
        auth.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (IsEntraConfigured(configuration))
        {
            var tenant = EntraTenant.From(configuration);
            auth.AddMicrosoftIdentityWebApi(configuration.GetSection(AzureAdSection), JwtBearerDefaults.AuthenticationScheme);
            auth.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                // After Microsoft.Identity.Web's own checks: a valid token of another tenant is still a 401.
                var validated = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await validated(context).ConfigureAwait(false);
                    if (context.Result is null && context.Principal is { } principal && tenant.Refusal(principal) is { } reason)
                    {
                        context.Fail(reason);
                    }
                };
            });
        }
        return auth;
    }

    /// <summary>The scheme the request's credentials belong to, or null when it carries none of the API's.</summary>
    public static string? SchemeFor(HttpRequest request, bool entra)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return ApiKeyAuthenticationHandler.SchemeName;
        if (entra && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }
        return null;
    }

    /// <summary>
    /// For a host that serves only the API and the action links (the Functions app): API keys and bearer tokens,
    /// no cookies; a request without credentials meets the API key scheme and its 401.
    /// </summary>
    public static IServiceCollection AddApiOnlyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        const string selector = "ReferenceFlowApi";
        var entra = IsEntraConfigured(configuration);
        services.AddAuthentication(selector)
            .AddPolicyScheme(selector, "API key or bearer token",
                o => o.ForwardDefaultSelector = c => SchemeFor(c.Request, entra) ?? ApiKeyAuthenticationHandler.SchemeName)
            .AddApiSchemes(configuration);
        return services.AddReferenceFlowAuthorization();
    }

    /// <summary>The role policies, the roles decided per caller (<see cref="RoleClaimsTransformation"/>), and sign-in required wherever an endpoint says nothing.</summary>
    public static IServiceCollection AddReferenceFlowAuthorization(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton(sp => EntraTenant.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<RoleMembers>().BindConfiguration(RoleMembers.Section);
        services.AddScoped<IClaimsTransformation, RoleClaimsTransformation>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.RequestsPolicy, p => p.RequireRole(Roles.SalesRep, Roles.ProgramManager))
            .AddPolicy(Roles.ProgramManagerPolicy, p => p.RequireRole(Roles.ProgramManager))
            .AddPolicy(Roles.OutcomePolicy, p => p.RequireRole(Roles.SalesRep, Roles.ProgramManager, Roles.Crm))
            .AddPolicy(Roles.OwnerDecisionPolicy, p => p.RequireRole(Roles.Owner, Roles.ProgramManager))
            .AddPolicy(Roles.NominationsPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.IsInRole(Roles.Crm)));
        return services;
    }
}
