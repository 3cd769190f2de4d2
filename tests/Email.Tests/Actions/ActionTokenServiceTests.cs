using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Email.Tests.Actions;

public sealed class ActionTokenServiceTests
{
    private static readonly ActionLink Link = Samples.OwnerApproval().Action!;

    private static string Mint(ActionTokenService service) => service.Mint("req-42", Link, "tok-1").Token;

    [Fact]
    public void AGenuineTokenIsValidAndCarriesItsClaims()
    {
        var service = Samples.Tokens();
        var minted = service.Mint("req-42", Link, "tok-1");

        var claims = Assert.IsType<ActionTokenValidation.Valid>(service.Validate(minted.Token, Samples.Now)).Claims;

        Assert.Equal(new ActionClaims("tok-1", "req-42", "jane.csm@vendor.example", ActionNames.OwnerApproval, "owner-approval:marie:1",
            Link.ExpiresAt.ToUnixTimeSeconds(), claims.KeyId), claims);
        Assert.Equal($"https://refs.vendor.example/actions/{minted.Token}", minted.PageUrl.AbsoluteUri);
        Assert.Equal(["approve", "decline"], minted.Decisions.Select(d => d.Decision));
        Assert.All(minted.Token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
    }

    [Fact]
    public void ATokenPastItsExpiryIsExpired()
    {
        var service = Samples.Tokens();

        Assert.IsType<ActionTokenValidation.Expired>(service.Validate(Mint(service), Link.ExpiresAt));
        Assert.IsType<ActionTokenValidation.Valid>(service.Validate(Mint(service), Link.ExpiresAt.AddSeconds(-1)));
    }

    [Fact]
    public void ATokenSignedWithAnUnknownKeyIsForged()
    {
        var attacker = Samples.Tokens("attacker-key-that-nobody-configured-000");

        Assert.IsType<ActionTokenValidation.Forged>(Samples.Tokens().Validate(Mint(attacker), Samples.Now));
    }

    [Fact]
    public void TamperedClaimsAreForgedEvenWithTheOriginalSignature()
    {
        var service = Samples.Tokens();
        var token = Mint(service);
        var json = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        foreach (var (from, to) in new[] { ("jane.csm@", "mallory@"), ("req-42", "req-43"), ("owner-approval:marie:1", "owner-approval:marie:2") })
        {
            var tampered = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json.Replace(from, to, StringComparison.Ordinal))) + "." + token.Split('.')[1];

            Assert.IsType<ActionTokenValidation.Forged>(service.Validate(tampered, Samples.Now));
        }
    }

    [Fact]
    public void ALaterExpiryWrittenIntoTheTokenIsForged()
    {
        var service = Samples.Tokens();
        var token = Mint(service);
        var json = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        var later = json.Replace($"{Link.ExpiresAt.ToUnixTimeSeconds()}", $"{Link.ExpiresAt.AddYears(1).ToUnixTimeSeconds()}", StringComparison.Ordinal);

        var result = service.Validate(WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(later)) + "." + token.Split('.')[1], Link.ExpiresAt.AddDays(1));

        Assert.IsType<ActionTokenValidation.Forged>(result);
    }

    [Fact]
    public void ATokenSignedWithTheOldKeyStaysValidAfterRotation()
    {
        var before = Samples.Tokens(Samples.Key1);
        var after = Samples.Tokens(Samples.Key2, Samples.Key1);
        var retired = Samples.Tokens(Samples.Key2);

        Assert.IsType<ActionTokenValidation.Valid>(after.Validate(Mint(before), Samples.Now));
        Assert.IsType<ActionTokenValidation.Valid>(after.Validate(Mint(after), Samples.Now));
        Assert.IsType<ActionTokenValidation.Forged>(before.Validate(Mint(after), Samples.Now));
        Assert.IsType<ActionTokenValidation.Forged>(retired.Validate(Mint(before), Samples.Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("not base64!.x")]
    [InlineData("e30.AAAA")]
    public void GarbageIsMalformed(string? token)
    {
        Assert.IsType<ActionTokenValidation.Malformed>(Samples.Tokens().Validate(token, Samples.Now));
    }

    [Fact]
    public void AReplayedTokenValidatesTheSameSoTheCallerCanDeduplicateOnItsId()
    {
        var service = Samples.Tokens();
        var token = Mint(service);

        var first = Assert.IsType<ActionTokenValidation.Valid>(service.Validate(token, Samples.Now));
        var second = Assert.IsType<ActionTokenValidation.Valid>(service.Validate(token, Samples.Now.AddMinutes(5)));

        Assert.Equal(first.Claims.TokenId, second.Claims.TokenId);
    }

    [Fact]
    public void TheSameEffectAndActionAlwaysMintTheSameTokenAndAnotherEffectAnother()
    {
        var service = Samples.Tokens();
        var id = ActionTokenService.TokenIdFor("effect-1", ActionNames.OwnerApproval);

        Assert.Equal(id, ActionTokenService.TokenIdFor("effect-1", ActionNames.OwnerApproval));
        Assert.NotEqual(id, ActionTokenService.TokenIdFor("effect-2", ActionNames.OwnerApproval));
        Assert.NotEqual(id, ActionTokenService.TokenIdFor("effect-1", ActionNames.ReferenceConsent));
        Assert.Equal(service.Mint("req-42", Link, id).Token, service.Mint("req-42", Link, id).Token);
    }

    [Fact]
    public void TheTokenTellsWhetherItsActorIsTheOneActing()
    {
        var service = Samples.Tokens();
        var claims = Assert.IsType<ActionTokenValidation.Valid>(service.Validate(Mint(service), Samples.Now)).Claims;

        Assert.True(claims.IsFor("Jane.CSM@vendor.example"));
        Assert.False(claims.IsFor("rep@demo.local"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void TheServiceRefusesToStartWithoutAUsableSigningKey(string? key)
    {
        var options = new ActionOptions();
        if (key is not null)
        {
            options.SigningKeys.Add(key);
        }

        var error = Assert.Throws<InvalidOperationException>(() => new ActionTokenService(Microsoft.Extensions.Options.Options.Create(options)));
        Assert.Contains("ReferenceFlow:Actions:SigningKeys", error.Message, StringComparison.Ordinal);
    }
}
