using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// Adds the computed Owner role: a user owns accounts in the directory, not in the identity provider.
/// Also maps Entra ID's "roles" claims onto the standard role claim so policies see them.
/// When storage is out of reach the request fails as an outage (503), not as a bug.
/// </summary>
public sealed class OwnerClaimsTransformation(IReferenceDirectory directory, IMemoryCache cache) : IClaimsTransformation
{
    private const string IdentityType = "ReferenceFlow.Computed";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identities.Any(i => i.AuthenticationType == IdentityType)) return principal;
        var user = CurrentUser.From(principal);
        if (user is null || string.IsNullOrEmpty(user.Email)) return principal;

        var claims = principal.FindAll("roles").Select(c => new Claim(ClaimTypes.Role, c.Value)).ToList();
        bool owns;
        try
        {
            owns = await cache.GetOrCreateAsync($"owner:{user.Email.ToUpperInvariant()}", async entry =>
            {
                // Short: a newly assigned owner should not wait long to see their accounts.
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10);
                var accounts = await directory.ListAsync(new ReferenceFilter(OwnerEmail: user.Email)).ConfigureAwait(false);
                return accounts.Count > 0;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFaults.IsOutage(e))
        {
            throw new StorageUnavailableException("Storage is unavailable; try again shortly.", e);
        }
        if (owns) claims.Add(new Claim(ClaimTypes.Role, Roles.Owner));

        var result = principal.Clone();
        result.AddIdentity(new ClaimsIdentity(claims, IdentityType));
        return result;
    }
}
