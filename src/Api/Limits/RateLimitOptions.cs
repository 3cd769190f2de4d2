namespace ReferenceFlow.Api.Limits;

/// <summary>
/// <c>ReferenceFlow:RateLimits</c>: a token bucket per caller. Signed-in callers (an API key, a bearer token, a cookie)
/// each get their own bucket; anonymous link pages and failed sign-ins share one per client address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "ReferenceFlow:RateLimits";

    /// <summary>Per API key or user. Roomy: a CRM or a rep's script submitting a few hundred requests at once is normal.</summary>
    public TokenBucket SignedIn { get; set; } = new() { Burst = 1000, PerSecond = 200 };

    /// <summary>Per client address, for /actions, /preferences and /invitations: a person clicks a handful of times.</summary>
    public TokenBucket LinkPages { get; set; } = new() { Burst = 100, PerSecond = 2 };

    /// <summary>Per client address, for credentials that did not sign in and the Development sign-in form.</summary>
    public TokenBucket FailedSignIns { get; set; } = new() { Burst = 20, PerSecond = 0.2 };

    /// <summary>How the host finds the client's address: the connection's, once the Web host has applied the platform's
    /// forwarded headers; the Functions app reads the platform's header itself. Set in code, not configuration.</summary>
    public Func<HttpContext, System.Net.IPAddress?> ClientAddress { get; set; } = c => c.Connection.RemoteIpAddress;
}

/// <summary>A bucket of <see cref="Burst"/> tokens refilled at <see cref="PerSecond"/>; each request takes one.</summary>
public sealed class TokenBucket
{
    public int Burst { get; set; }

    public double PerSecond { get; set; }
}
