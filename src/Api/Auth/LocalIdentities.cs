using System.Security.Claims;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// The identities ReferenceFlow issues itself — an API key, the Development demo sign-in — as opposed to Entra ID's.
/// Their address and roles come from our own configuration, so their <c>email</c> claim is ours to trust. We recognise
/// them by authentication type, which only our handlers set (an Entra token cannot name it, and a cookie is ours, encrypted).
/// </summary>
public static class LocalIdentities
{
    /// <summary>The demo users' cookie identity (<c>ReferenceFlow:DemoUsers</c>, Development only).</summary>
    public const string DemoSignIn = "ReferenceFlow.DemoSignIn";

    public static bool IsLocal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identities.Any(i => i.IsAuthenticated
            && i.AuthenticationType is ApiKeyAuthenticationHandler.SchemeName or DemoSignIn);
    }
}
