using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// The Web host with Entra ID configured for <see cref="EntraTokens.HomeTenant"/> (Development, so the demo sign-in and
/// API keys are there too), roles given by object id and by sign-in name, and bearer tokens checked against the test key.
/// Its issuer check lets both test tenants through — as an <c>organizations</c> authority or a multi-tenant registration
/// would — so only the app's own tenant check stands between a foreign token and the API.
/// </summary>
public sealed class EntraTokensFactory() : ReferenceFlowFactory(new Dictionary<string, string?>
{
    ["ReferenceFlow:Roles:ProgramManager:0"] = ProgramManagerObjectId,
    ["ReferenceFlow:Roles:SalesRep:0"] = RepUserName,
})
{
    public const string ProgramManagerObjectId = "6f1d2c3b-0000-4000-8000-0000000000a1";
    public const string RepUserName = "rep@contoso.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        // Host settings, so the app sees them while it chooses its sign-in schemes.
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", EntraTokens.HomeTenant);
        builder.UseSetting("AzureAd:ClientId", EntraTokens.ClientId);
        builder.UseSetting("AzureAd:ClientSecret", "test-only");
        builder.UseSetting("AzureAd:CallbackPath", "/signin-oidc");
        // No network here: the providers' metadata and keys are given rather than discovered.
        builder.ConfigureServices(s =>
        {
            s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration { Issuer = EntraTokens.Issuer(EntraTokens.HomeTenant) };
                o.Configuration.SigningKeys.Add(EntraTokens.SigningKey);
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
                o.TokenValidationParameters.IssuerValidator = null;
                o.TokenValidationParameters.ValidIssuers = [EntraTokens.Issuer(EntraTokens.HomeTenant), EntraTokens.Issuer(EntraTokens.ForeignTenant)];
                o.TokenValidationParameters.IssuerSigningKey = EntraTokens.SigningKey;
            });
            s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    AuthorizationEndpoint = "https://login.example/authorize",
                    EndSessionEndpoint = "https://login.example/logout",
                    Issuer = EntraTokens.Issuer(EntraTokens.HomeTenant),
                };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            });
        });
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
