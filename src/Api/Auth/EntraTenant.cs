using System.Security.Claims;
using Microsoft.Extensions.Configuration;

namespace ReferenceFlow.Api.Auth;

/// <summary>
/// The one Entra ID tenant whose people may sign in (<c>AzureAd:TenantId</c>, a directory id). A token is refused when its
/// <c>tid</c> is another tenant's, even if it is otherwise valid: an authority such as <c>organizations</c>, or a
/// multi-tenant app registration, lets every tenant's tokens through the issuer check.
/// </summary>
public sealed class EntraTenant(Guid? id)
{
    /// <summary>Null when Entra ID is not configured: then no Entra principal is accepted at all.</summary>
    public Guid? Id { get; } = id;

    /// <summary>The configured tenant; throws at start-up when <c>AzureAd</c> is configured without a tenant id.</summary>
    public static EntraTenant From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!ApiAuthentication.IsEntraConfigured(configuration)) return new EntraTenant(null);
        var configured = configuration[$"{ApiAuthentication.AzureAdSection}:TenantId"];
        // A domain name, "common" or "organizations" would leave us nothing to compare tid with.
        return Guid.TryParse(configured, out var id)
            ? new EntraTenant(id)
            : throw new InvalidOperationException(
                "AzureAd:TenantId must be the directory (tenant) id, a GUID: tokens of any other tenant are refused by it.");
    }

    /// <summary>Why an Entra principal is refused, or null when it is one of this tenant's people.</summary>
    public string? Refusal(ClaimsPrincipal principal)
    {
        if (EntraCaller.Read(principal) is not { } caller) return "The token names no object id, tenant or sign-in name.";
        if (Id is not { } tenant) return "Entra ID sign-in is not configured.";
        return Guid.TryParse(caller.TenantId, out var tid) && tid == tenant ? null : "The token was issued by another tenant.";
    }
}
