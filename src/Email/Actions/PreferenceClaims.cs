using System.Text.Json.Serialization;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Email.Actions;

/// <summary>
/// What a signed preferences token says: which contact may manage their settings, until when, and a keyed tag of the
/// address it was sent to (<see cref="EmailTag"/>), so the link stops working if the contact id comes to name someone else
/// while the token itself does not show the address. Its own purpose
/// (<c>act</c> = <see cref="Purpose"/>) and signing domain keep it apart from the approval and consent tokens.
/// </summary>
public sealed record PreferenceClaims(
    [property: JsonPropertyName("ref")] string ReferenceId,
    [property: JsonPropertyName("cid")] string ContactId,
    [property: JsonPropertyName("act")] string Purpose,
    [property: JsonPropertyName("exp")] long ExpiresUnixSeconds,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("eml")] string EmailTag)
{
    public const string PreferencesPurpose = "preferences";

    /// <summary>How long a link works: long enough for a quarter's emails, not single use (api.md).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    [JsonIgnore]
    public ContactKey Contact => new(ReferenceId, ContactId);

    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresUnixSeconds);
}

/// <summary>The outcome of checking a preferences token: genuine and current, expired, or not one of ours.</summary>
public abstract record PreferenceTokenValidation
{
    private PreferenceTokenValidation() { }

    public sealed record Valid(PreferenceClaims Claims) : PreferenceTokenValidation;

    public sealed record Expired(PreferenceClaims Claims) : PreferenceTokenValidation;

    /// <summary>Malformed, altered, signed by no configured key, or a token made for another purpose.</summary>
    public sealed record Invalid(string Reason) : PreferenceTokenValidation;
}
