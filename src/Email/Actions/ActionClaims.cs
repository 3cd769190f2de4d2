using System.Text.Json.Serialization;

namespace ReferenceFlow.Email.Actions;

/// <summary>What a signed action token says: who may do what, on which request and step, until when.</summary>
public sealed record ActionClaims(
    [property: JsonPropertyName("jti")] string TokenId,
    [property: JsonPropertyName("req")] string RequestId,
    [property: JsonPropertyName("sub")] string ActorEmail,
    [property: JsonPropertyName("act")] string Action,
    [property: JsonPropertyName("stp")] string Step,
    [property: JsonPropertyName("exp")] long ExpiresUnixSeconds,
    [property: JsonPropertyName("kid")] string KeyId)
{
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresUnixSeconds);

    /// <summary>True when <paramref name="email"/> is the actor the token was issued to (case-insensitive, as mail is).</summary>
    public bool IsFor(string email) => string.Equals(ActorEmail, email.Trim(), StringComparison.OrdinalIgnoreCase);
}
