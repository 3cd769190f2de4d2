using ReferenceFlow.Domain.References;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Email.Tests.Actions;

/// <summary>The preferences link: bound to one contact and their address, 90 days, never interchangeable with an approval or consent link.</summary>
public sealed class PreferenceTokenTests
{
    private static readonly ContactKey Marie = new("contoso", "marie");
    private const string MarieEmail = "marie@contoso.example";

    private static string TokenOf(Uri link) => link.AbsolutePath["/preferences/".Length..];

    [Fact]
    public void AGenuineTokenNamesItsContact()
    {
        var service = Samples.Tokens();
        var link = service.MintPreferences(Marie, MarieEmail, Samples.Now + PreferenceClaims.Lifetime);

        var claims = Assert.IsType<PreferenceTokenValidation.Valid>(service.ValidatePreferences(TokenOf(link), Samples.Now)).Claims;

        Assert.Equal(Marie, claims.Contact);
        Assert.StartsWith("https://refs.vendor.example/preferences/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(90), PreferenceClaims.Lifetime);
    }

    [Fact]
    public void ItIsBoundToTheAddressItWasSentToWithoutShowingIt()
    {
        var service = Samples.Tokens();
        var token = TokenOf(service.MintPreferences(Marie, MarieEmail, Samples.Now.AddDays(90)));

        var claims = Assert.IsType<PreferenceTokenValidation.Valid>(service.ValidatePreferences(token, Samples.Now)).Claims;

        Assert.True(service.IsPreferencesFor(claims, " Marie@Contoso.example"));
        Assert.False(service.IsPreferencesFor(claims, "someone.else@contoso.example"));
        Assert.False(Samples.Tokens(Samples.Key2, Samples.Key1).IsPreferencesFor(claims with { KeyId = "nobody" }, MarieEmail));
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        Assert.DoesNotContain("marie@", payload, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AfterNinetyDaysItIsExpired()
    {
        var service = Samples.Tokens();
        var token = TokenOf(service.MintPreferences(Marie, MarieEmail, Samples.Now + PreferenceClaims.Lifetime));

        Assert.IsType<PreferenceTokenValidation.Valid>(service.ValidatePreferences(token, Samples.Now.AddDays(89)));
        Assert.IsType<PreferenceTokenValidation.Expired>(service.ValidatePreferences(token, Samples.Now.AddDays(90)));
    }

    [Fact]
    public void ATamperedContactOrUnknownKeyIsInvalid()
    {
        var service = Samples.Tokens();
        var token = TokenOf(service.MintPreferences(Marie, MarieEmail, Samples.Now.AddDays(90)));
        var other = TokenOf(service.MintPreferences(new ContactKey("contoso", "paul"), "paul@contoso.example", Samples.Now.AddDays(90)));
        var spliced = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.IsType<PreferenceTokenValidation.Invalid>(service.ValidatePreferences(spliced, Samples.Now));
        Assert.IsType<PreferenceTokenValidation.Invalid>(Samples.Tokens(Samples.Key2).ValidatePreferences(token, Samples.Now));
        Assert.IsType<PreferenceTokenValidation.Invalid>(service.ValidatePreferences("not-a-token", Samples.Now));
    }

    [Fact]
    public void AnApprovalTokenIsNoPreferencesTokenAndTheOtherWayRound()
    {
        var service = Samples.Tokens();
        var approval = service.Mint("req-42", Samples.OwnerApproval().Action!, "tok-1").Token;
        var preferences = TokenOf(service.MintPreferences(Marie, MarieEmail, Samples.Now.AddDays(90)));

        Assert.IsType<PreferenceTokenValidation.Invalid>(service.ValidatePreferences(approval, Samples.Now));
        Assert.IsNotType<ActionTokenValidation.Valid>(service.Validate(preferences, Samples.Now));
    }

    [Fact]
    public void KeysRotateAsForActionLinks()
    {
        var token = TokenOf(Samples.Tokens(Samples.Key1).MintPreferences(Marie, MarieEmail, Samples.Now.AddDays(90)));

        Assert.IsType<PreferenceTokenValidation.Valid>(Samples.Tokens(Samples.Key2, Samples.Key1).ValidatePreferences(token, Samples.Now));
    }
}
