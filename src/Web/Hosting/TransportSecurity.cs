using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Running behind TLS termination (Container Apps' ingress, a local reverse proxy): the app itself hears HTTP. It believes
/// the forwarded client address and scheme only from the configured proxies, marks every cookie Secure outside
/// Development (where the demo runs on http://localhost), sends HSTS outside Development, and asks Entra ID to return
/// to an https address whatever the proxy said.
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Read when the options are first asked for, so configuration added after this call (tests, hosts) counts.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One hop: the platform's proxy appends the address it accepted; entries before it are the client's own word.
            o.ForwardLimit = 1;
            if (proxy.KnownNetworks.Count > 0 || proxy.KnownProxies.Count > 0)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            }
        });

        var development = builder.Environment.IsDevelopment();
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.Cookie.SecurePolicy = secure);
        builder.Services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        builder.Services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.CorrelationCookie.SecurePolicy = secure;
            o.NonceCookie.SecurePolicy = secure;
            if (development) return;
            var toProvider = o.Events.OnRedirectToIdentityProvider;
            var signOut = o.Events.OnRedirectToIdentityProviderForSignOut;
            o.Events.OnRedirectToIdentityProvider = async context =>
            {
                await toProvider(context);
                context.ProtocolMessage.RedirectUri = Https(context.ProtocolMessage.RedirectUri);
            };
            o.Events.OnRedirectToIdentityProviderForSignOut = async context =>
            {
                await signOut(context);
                context.ProtocolMessage.PostLogoutRedirectUri = Https(context.ProtocolMessage.PostLogoutRedirectUri);
            };
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Forwarded headers first, so everything after sees the client's address and scheme; HSTS outside Development.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    private static string Https(string? uri) =>
        uri is not null && uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + uri["http://".Length..] : uri ?? "";
}
