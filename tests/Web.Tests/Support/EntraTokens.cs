using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// Entra-shaped access tokens signed with a test key the <see cref="EntraTokensFactory"/> trusts: what a real tenant would
/// issue (issuer, audience, tid, oid, preferred_username, scp), with any claim a test wants to vary.
/// </summary>
public static class EntraTokens
{
    public const string HomeTenant = "00000000-0000-0000-0000-00000000a001";
    public const string ForeignTenant = "00000000-0000-0000-0000-00000000f001";
    public const string ClientId = "00000000-0000-0000-0000-00000000c001";

    public static SecurityKey SigningKey { get; } = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" };

    public static string Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <param name="email">The unverified <c>email</c> claim; omitted when null.</param>
    /// <param name="roles">App roles assigned in Entra (the <c>roles</c> claim).</param>
    public static string For(string objectId, string userName, string tenant = HomeTenant, string? email = null, params string[] roles)
    {
        var claims = new List<Claim>
        {
            new("tid", tenant),
            new("oid", objectId),
            new("sub", objectId),
            new("preferred_username", userName),
            new("name", userName),
            new("scp", "access_as_user"),
            new("ver", "2.0"),
        };
        if (email is not null) claims.Add(new Claim("email", email));
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(tenant),
            Audience = ClientId,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
