using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>
/// Outside Development the app asks Entra ID to return to an https address even when the request reached it as plain
/// HTTP (TLS ended at the platform, and no trusted proxy said so): Entra would refuse an http reply URL, or worse, send
/// the code over HTTP.
/// </summary>
public sealed class EntraRedirectTests(EntraRedirectTests.EntraFactory factory) : IClassFixture<EntraRedirectTests.EntraFactory>
{
    [Fact]
    public async Task TheSignInRedirectUriIsHttps()
    {
        var response = await factory.Anonymous().GetAsync("/");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://login.example/authorize", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://localhost/signin-oidc"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntrasFormPostIsReadOnlyUpToTheSmallLimit()
    {
        var form = new StringContent("id_token=" + new string('x', 100 * 1024), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await factory.Anonymous().PostAsync("/signin-oidc", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public sealed class EntraFactory() : ReferenceFlowFactory(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Actions:SigningKeys:0"] = "test-only-action-signing-key-0000000000000001",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // Host settings, so the app sees them while it chooses its sign-in schemes.
            builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            builder.UseSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001");
            builder.UseSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");
            builder.UseSetting("AzureAd:ClientSecret", "test-only");
            builder.UseSetting("AzureAd:CallbackPath", "/signin-oidc");
            // No network here: the provider's metadata is given rather than discovered.
            builder.ConfigureServices(s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    AuthorizationEndpoint = "https://login.example/authorize",
                    EndSessionEndpoint = "https://login.example/logout",
                    Issuer = "https://login.example/",
                };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
        }
    }
}
