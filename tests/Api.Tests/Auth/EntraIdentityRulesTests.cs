using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Api.Tests.Auth;

/// <summary>The rules that turn an Entra ID principal into a caller, on principals as the JWT handlers leave them.</summary>
public sealed class EntraIdentityRulesTests
{
    private const string Home = "00000000-0000-0000-0000-00000000a001";
    private const string Foreign = "00000000-0000-0000-0000-00000000f001";
    private const string ObjectIdUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string TenantIdUri = "http://schemas.microsoft.com/identity/claims/tenantid";

    private static readonly EntraTenant Tenant = new(Guid.Parse(Home));

    [Fact]
    public void APrincipalOfAnotherTenantIsRefusedAndOneOfTheConfiguredTenantIsNot()
    {
        Assert.NotNull(Tenant.Refusal(Entra(Foreign, "oid-1", "a@fabrikam.example")));
        Assert.Null(Tenant.Refusal(Entra(Home, Guid.NewGuid().ToString(), "a@contoso.example")));
        // Without a tenant claim there is nothing to trust.
        Assert.NotNull(Tenant.Refusal(new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "x"), new Claim("preferred_username", "a@b")], "Bearer"))));
        Assert.NotNull(new EntraTenant(null).Refusal(Entra(Home, "oid-1", "a@contoso.example")));
    }

    [Fact]
    public void TheAddressIsTheSignInNameNeverTheEmailClaim()
    {
        var principal = Entra(Home, "oid-1", "mallory@contoso.example", new Claim(ClaimTypes.Email, "owner@contoso.example"), new Claim("email", "owner@contoso.example"));

        var user = CurrentUser.From(principal)!;

        Assert.Equal("mallory@contoso.example", user.Email);
        Assert.False(user.Is("owner@contoso.example"));
    }

    [Fact]
    public void AnEntraPrincipalWithOnlyAnEmailClaimHasNoAddress()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("tid", Home), new Claim("oid", "oid-1"), new Claim(ClaimTypes.Email, "owner@contoso.example")], "AuthenticationTypes.Federation"));

        Assert.False(CurrentUser.From(principal)!.IsAuthenticated);
        Assert.NotNull(Tenant.Refusal(principal));
    }

    [Fact]
    public void OurOwnIdentitiesKeepTheirConfiguredAddress()
    {
        foreach (var type in new[] { ApiKeyAuthenticationHandler.SchemeName, LocalIdentities.DemoSignIn })
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "pm@demo.local")], type));
            Assert.Equal("pm@demo.local", CurrentUser.From(principal)!.Email);
        }
    }

    [Fact]
    public void RolesAreConfiguredByObjectIdOrBySignInName()
    {
        var oid = Guid.NewGuid();
        var members = new RoleMembers { ProgramManager = [oid.ToString("D").ToUpperInvariant()], SalesRep = ["Rep@Contoso.example"] };

        Assert.Equal([Roles.ProgramManager], members.RolesOf(new EntraCaller(oid.ToString(), Home, "pm@contoso.example")));
        Assert.Equal([Roles.SalesRep], members.RolesOf(new EntraCaller(Guid.NewGuid().ToString(), Home, "rep@contoso.example")));
        Assert.Empty(members.RolesOf(new EntraCaller(Guid.NewGuid().ToString(), Home, "someone@contoso.example")));
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    [InlineData("contoso.onmicrosoft.com")]
    public void ATenantThatIsNotADirectoryIdStopsTheStart(string tenantId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-00000000c001",
            ["AzureAd:TenantId"] = tenantId,
        }).Build();

        Assert.Throws<InvalidOperationException>(() => EntraTenant.From(configuration));
    }

    /// <summary>As JwtBearer leaves it with inbound claim mapping: oid and tid under their URIs, preferred_username as is.</summary>
    private static ClaimsPrincipal Entra(string tenant, string objectId, string userName, params Claim[] more) =>
        new(new ClaimsIdentity(
            [new Claim(TenantIdUri, tenant), new Claim(ObjectIdUri, objectId), new Claim("preferred_username", userName), .. more],
            "AuthenticationTypes.Federation"));
}
