using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>
/// Behind TLS termination, outside Development: X-Forwarded-Proto and -For are believed only from the configured
/// platform network, HSTS goes out on what the platform says was HTTPS, and cookies are Secure.
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.ProductionFactory factory) : IClassFixture<TransportSecurityTests.ProductionFactory>
{
    [Fact]
    public async Task ForwardedHttpsFromThePlatformGetsHstsAndFromAnyoneElseIsIgnored()
    {
        var fromPlatform = await GetAsync(peer: "10.20.0.4");
        Assert.True(fromPlatform.Headers.Contains("Strict-Transport-Security"), "no HSTS for HTTPS forwarded by the platform");

        var fromStranger = await GetAsync(peer: "198.51.100.7");
        Assert.False(fromStranger.Headers.Contains("Strict-Transport-Security"), "a stranger's X-Forwarded-Proto was believed");
    }

    [Fact]
    public void CookiesAreSecure()
    {
        var services = factory.Services;
        Assert.Equal(CookieSecurePolicy.Always, services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
    }

    private async Task<HttpResponseMessage> GetAsync(string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "referenceflow.example"; // HSTS is never sent for localhost
        request.Headers.Add(PeerFilter.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        return await factory.Anonymous().SendAsync(request);
    }

    public sealed class ProductionFactory() : ReferenceFlowFactory(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Proxy:KnownNetworks:0"] = "10.20.0.0/16",
        ["ReferenceFlow:Actions:SigningKeys:0"] = "test-only-action-signing-key-0000000000000001",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFilter>());
        }
    }

    /// <summary>The test server has no sockets: the connection's address comes from a test header, before the app runs.</summary>
    private sealed class PeerFilter : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var peer)) context.Connection.RemoteIpAddress = peer;
                return following(context);
            });
            next(app);
        };
    }
}
