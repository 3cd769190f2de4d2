using System.Security.Claims;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// Who an Entra ID token says the caller is: the object id and tenant (which never change and cannot be chosen by the
/// user) and the verified sign-in name (<c>preferred_username</c>, the UPN). Never the <c>email</c> claim: Entra does not
/// verify it, and a user or another tenant can set it to anyone's address.
/// </summary>
public sealed record EntraCaller(string ObjectId, string TenantId, string Address)
{
    // Each claim under its short JWT name and under the URI the JWT handlers map it to (MapInboundClaims).
    private static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];
    private static readonly string[] TenantIdClaims = ["tid", "http://schemas.microsoft.com/identity/claims/tenantid"];

    // preferred_username in v2.0 tokens; upn in v1.0 access tokens, the same verified name.
    private static readonly string[] AddressClaims = ["preferred_username", "upn", ClaimTypes.Upn];

    /// <summary>The caller, or null when the principal lacks an object id, a tenant or a sign-in name.</summary>
    public static EntraCaller? Read(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var objectId = First(principal, ObjectIdClaims);
        var tenantId = First(principal, TenantIdClaims);
        var address = First(principal, AddressClaims);
        return objectId is null || tenantId is null || address is null ? null : new EntraCaller(objectId, tenantId, address);
    }

    private static string? First(ClaimsPrincipal principal, string[] types) =>
        types.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
