namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// <c>ReferenceFlow:Proxy</c>: who terminates TLS in front of the app. Only a request whose connection comes from one of
/// these may say, in X-Forwarded-For and X-Forwarded-Proto, who the client was and that it spoke HTTPS. With none
/// configured only the loopback address is trusted (a proxy on the same machine), as ASP.NET Core does by default.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ReferenceFlow:Proxy";

    /// <summary>CIDR ranges the platform's proxies connect from (Container Apps: the environment's infrastructure subnet).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Single proxy addresses.</summary>
    public List<string> KnownProxies { get; set; } = [];
}
