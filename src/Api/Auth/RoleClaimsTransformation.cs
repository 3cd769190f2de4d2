using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// Decides the roles of every signed-in caller, whichever scheme let them in. An Entra ID principal must belong to the
/// configured tenant (else it is turned back into an anonymous one, so the request meets its 401 or the sign-in page);
/// its app roles ("roles") and the roles configured for its object id or sign-in name are added. Then the computed Owner
/// role: a user owns accounts in the directory, by their verified address, not in the identity provider.
/// When storage is out of reach the request fails as an outage (503), not as a bug.
/// </summary>
public sealed partial class RoleClaimsTransformation(
    IReferenceDirectory directory,
    IMemoryCache cache,
    EntraTenant tenant,
    IOptionsMonitor<RoleMembers> members,
    ILogger<RoleClaimsTransformation> logger) : IClaimsTransformation
{
    private const string IdentityType = "ReferenceFlow.Computed";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true) return principal;
        if (principal.Identities.Any(i => i.AuthenticationType == IdentityType)) return principal;

        var claims = new List<Claim>();
        if (!LocalIdentities.IsLocal(principal))
        {
            if (tenant.Refusal(principal) is { } reason)
            {
                LogRefused(logger, reason);
                return new ClaimsPrincipal(new ClaimsIdentity());
            }
            var caller = EntraCaller.Read(principal)!;
            claims.AddRange(principal.FindAll("roles").Select(c => new Claim(ClaimTypes.Role, c.Value)));
            claims.AddRange(members.CurrentValue.RolesOf(caller).Select(r => new Claim(ClaimTypes.Role, r)));
        }

        var user = CurrentUser.From(principal);
        if (user is null || string.IsNullOrEmpty(user.Email)) return principal;
        if (await OwnsAccountsAsync(user.Email).ConfigureAwait(false)) claims.Add(new Claim(ClaimTypes.Role, Roles.Owner));

        var result = principal.Clone();
        result.AddIdentity(new ClaimsIdentity(claims, IdentityType));
        return result;
    }

    private async Task<bool> OwnsAccountsAsync(string email)
    {
        try
        {
            return await cache.GetOrCreateAsync($"owner:{email.ToUpperInvariant()}", async entry =>
            {
                // Short: a newly assigned owner should not wait long to see their accounts.
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10);
                var accounts = await directory.ListAsync(new ReferenceFilter(OwnerEmail: email)).ConfigureAwait(false);
                return accounts.Count > 0;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFaults.IsOutage(e))
        {
            throw new StorageUnavailableException("Storage is unavailable; try again shortly.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An Entra ID principal was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
