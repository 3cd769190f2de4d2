using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Email.Actions;

// The reference's "Manage how often we ask you" link: the same keys and HMAC as the action links, a token of its own.
public sealed partial class ActionTokenService
{
    /// <summary>
    /// Preferences tokens are signed over this prefix and the payload, so no approval or consent signature can ever
    /// verify as one (and the other way round), even before their claims are compared.
    /// </summary>
    private const string PreferencesDomain = "referenceflow-preferences\n";

    /// <summary>Tags the address a token is bound to, apart from every other signature made with the same keys.</summary>
    private const string PreferencesEmailDomain = "referenceflow-preferences-email\n";

    /// <summary>
    /// The link <c>{BaseUrl}/preferences/{token}</c> for <paramref name="contact"/> at <paramref name="email"/>, valid until
    /// <paramref name="expiresAt"/>: bound to the person as action links are, not only to the contact id.
    /// </summary>
    public Uri MintPreferences(ContactKey contact, string email, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contact.ReferenceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(contact.ContactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var (keyId, key) = _keys[0];
        var claims = new PreferenceClaims(contact.ReferenceId, contact.ContactId, PreferenceClaims.PreferencesPurpose, expiresAt.ToUnixTimeSeconds(), keyId,
            WebEncoders.Base64UrlEncode(EmailTag(key, email)));
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var token = $"{payload}.{WebEncoders.Base64UrlEncode(Sign(key, PreferencesDomain + payload))}";
        return new Uri($"{_baseUrl}/preferences/{token}");
    }

    public PreferenceTokenValidation ValidatePreferences(string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature))
        {
            return new PreferenceTokenValidation.Invalid("The token is not two base64url parts.");
        }
        PreferenceClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<PreferenceClaims>(payload);
        }
        catch (JsonException)
        {
            return new PreferenceTokenValidation.Invalid("The token's claims are not readable.");
        }
        // A token without the address tag was minted before links were bound to the person: it binds nobody, so it is refused.
        if (claims is null || new[] { claims.ReferenceId, claims.ContactId, claims.KeyId, claims.EmailTag }.Any(string.IsNullOrEmpty))
        {
            return new PreferenceTokenValidation.Invalid("The token's claims are incomplete.");
        }
        var key = _keys.FirstOrDefault(k => k.Id == claims.KeyId).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(Sign(key, PreferencesDomain + parts[0]), signature))
        {
            return new PreferenceTokenValidation.Invalid("The token is not signed by a configured key.");
        }
        if (claims.Purpose != PreferenceClaims.PreferencesPurpose)
        {
            return new PreferenceTokenValidation.Invalid("The token was made for another purpose.");
        }
        return now >= claims.ExpiresAt ? new PreferenceTokenValidation.Expired(claims) : new PreferenceTokenValidation.Valid(claims);
    }

    /// <summary>Whether <paramref name="claims"/> (validated) were minted for <paramref name="email"/>, compared in fixed time.</summary>
    public bool IsPreferencesFor(PreferenceClaims claims, string email)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var key = _keys.FirstOrDefault(k => k.Id == claims.KeyId).Key;
        return key is not null && TryDecode(claims.EmailTag, out var tag) && CryptographicOperations.FixedTimeEquals(EmailTag(key, email), tag);
    }

    // Mail is case-insensitive in practice; 16 bytes of the HMAC are plenty to tell two addresses apart.
    private static byte[] EmailTag(byte[] key, string email) =>
        Sign(key, PreferencesEmailDomain + email.Trim().ToUpperInvariant())[..16];
}
