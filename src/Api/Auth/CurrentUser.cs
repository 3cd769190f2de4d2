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
    public static CurrentUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var email = principal.FindFirstValue(ClaimTypes.Email)
            ?? principal.FindFirstValue("preferred_username")
            ?? principal.FindFirstValue("email")
            ?? principal.FindFirstValue(ClaimTypes.Upn)
            ?? principal.Identity.Name
            ?? "";
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue("name") ?? email;
        var roles = principal.Claims
            .Where(c => c.Type is ClaimTypes.Role or "roles")
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(email, name, roles);
    }
}
