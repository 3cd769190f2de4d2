using System.Net;
using System.Net.Http.Json;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>
/// With Entra ID, who a caller is comes from the token's tenant, object id and verified sign-in name: another tenant's
/// token is refused, the unverified <c>email</c> claim grants nothing, and roles are configured by object id or sign-in name.
/// The API keys and the Development sign-in go their own way beside it.
/// </summary>
public sealed class EntraIdentityTests(EntraTokensFactory factory) : IClassFixture<EntraTokensFactory>
{
    private const string Owner = "owner@contoso.example";

    [Fact]
    public async Task ATokenFromAnotherTenantIsRefusedEvenWithTheProgramManagersRole()
    {
        var oid = Guid.NewGuid().ToString();
        var foreign = EntraTokens.For(oid, "priya@fabrikam.example", EntraTokens.ForeignTenant, roles: "ProgramManager");
        var home = EntraTokens.For(oid, "priya@contoso.example", EntraTokens.HomeTenant, roles: "ProgramManager");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithToken(foreign).GetAsync("/api/references")).StatusCode);
        // The same token from the configured tenant passes: the tenant alone made the difference.
        Assert.Equal(HttpStatusCode.OK, (await factory.WithToken(home).GetAsync("/api/references")).StatusCode);
    }

    [Fact]
    public async Task AnEmailClaimThatIsNotTheSignInNameDoesNotOpenTheOwnersAccounts()
    {
        await PutAccountAsync("entra-owned", Owner);
        var mallory = EntraTokens.For(Guid.NewGuid().ToString(), "mallory@contoso.example", email: Owner);
        var owner = EntraTokens.For(Guid.NewGuid().ToString(), Owner);

        var asMallory = await factory.WithToken(mallory).GetAsync("/references");
        Assert.DoesNotContain("Account entra-owned", await asMallory.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var asOwner = await factory.WithToken(owner).GetAsync("/references");
        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Contains("Account entra-owned", await asOwner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnObjectIdConfiguredAsProgramManagerGetsTheRoleAndNoOtherObjectIdDoes()
    {
        var configured = EntraTokens.For(EntraTokensFactory.ProgramManagerObjectId, "priya@contoso.example");
        var other = EntraTokens.For(Guid.NewGuid().ToString(), "priya@contoso.example");

        Assert.Equal(HttpStatusCode.OK, (await factory.WithToken(configured).GetAsync("/api/references")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithToken(other).GetAsync("/api/references")).StatusCode);
    }

    [Fact]
    public async Task ASignInNameConfiguredAsSalesRepGetsTheRoleAndTheSameEmailClaimDoesNot()
    {
        var rep = EntraTokens.For(Guid.NewGuid().ToString(), EntraTokensFactory.RepUserName);
        var pretender = EntraTokens.For(Guid.NewGuid().ToString(), "someone@contoso.example", email: EntraTokensFactory.RepUserName);

        Assert.Equal(HttpStatusCode.OK, (await factory.WithToken(rep).GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithToken(pretender).GetAsync("/api/requests")).StatusCode);
    }

    [Fact]
    public async Task ApiKeysAndTheDevelopmentSignInStillWorkBesideEntra()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Keys.ProgramManager).GetAsync("/api/references")).StatusCode);

        var signIn = await factory.Anonymous().PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "pm@demo.local" }));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        var browser = factory.Anonymous();
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/references")).StatusCode);
    }

    private async Task PutAccountAsync(string referenceId, string owner)
    {
        var body = Samples.Reference(owner: owner, contacts: [("c1", $"c1@{referenceId}.example")]);
        body["account"] = $"Account {referenceId}";
        var response = await factory.ClientFor(Keys.ProgramManager).PutAsJsonAsync($"/api/references/{referenceId}", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
