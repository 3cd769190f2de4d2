using System.Security.Claims;

namespace ReferenceFlow.Api.Auth;

/// <summary>Who is calling: from cookies, API keys or Entra ID tokens alike.</summary>
public sealed record CurrentUser(string Email, string Name, IReadOnlySet<string> Roles)
{
    /// <summary>Nobody signed in (anonymous pages such as /signin and /actions).</summary>
    public static CurrentUser Anonymous { get; } = new("", "", new HashSet<string>());

    public bool IsAuthenticated => Email.Length > 0;

    public bool IsProgramManager => Roles.Contains(Auth.Roles.ProgramManager);
    public bool IsSalesRep => Roles.Contains(Auth.Roles.SalesRep);
    public bool IsOwner => Roles.Contains(Auth.Roles.Owner);

    public bool Is(string? email) => IsAuthenticated && string.Equals(Email, email?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The signed-in user, or null for an anonymous principal.</summary>
    /// <remarks>
    /// The address that decides what a person sees (requester, account owner): for our own identities (API keys, demo
    /// users) the one configured for them; for Entra ID the verified sign-in name, never the token's <c>email</c> claim,
    /// which Entra does not verify. An Entra principal without one has no address, and so is not signed in.
    /// </remarks>
    public static CurrentUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var email = LocalIdentities.IsLocal(principal)
            ? principal.FindFirstValue(ClaimTypes.Email) ?? ""
            : EntraCaller.Read(principal)?.Address ?? "";
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue("name") ?? email;
        var roles = principal.Claims
            .Where(c => c.Type is ClaimTypes.Role or "roles")
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(email, name, roles);
    }
}
