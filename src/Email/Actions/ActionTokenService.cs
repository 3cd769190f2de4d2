using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email.Actions;

/// <summary>
/// Mints and checks the signed tokens behind email action links: <c>base64url(json claims) "." base64url(HMAC-SHA256)</c>.
/// </summary>
/// <remarks>
/// <see cref="Validate"/> proves only that a token is genuine and unexpired. It deliberately does not know whether
/// the token was used before or whether the request moved past the step it was issued for: the caller enforces
/// single use by deduplicating the command on <see cref="ActionClaims.TokenId"/> in the request's stream, and the
/// decider refuses a decision whose <see cref="ActionClaims.Step"/> is no longer the current one (superseded).
/// Token ids derive from the effect id and action, so a resent email carries the very same token.
/// </remarks>
public sealed partial class ActionTokenService
{
    private readonly IReadOnlyList<(string Id, byte[] Key)> _keys;
    private readonly string _baseUrl;

    public ActionTokenService(IOptions<ActionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.SigningKeys.Count == 0 || value.SigningKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length < ActionOptions.MinimumKeyLength))
        {
            throw new InvalidOperationException(
                $"{ActionOptions.Section}:SigningKeys must hold at least one key of {ActionOptions.MinimumKeyLength}+ characters " +
                "(the first signs, all verify). Development sets one in appsettings.Development.json.");
        }
        _keys = [.. value.SigningKeys.Select(k => (KeyIdOf(k), Encoding.UTF8.GetBytes(k)))];
        _baseUrl = value.BaseUrl.TrimEnd('/');
        if (!Uri.TryCreate(_baseUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{ActionOptions.Section}:BaseUrl '{value.BaseUrl}' is not an absolute URL.");
        }
    }

    /// <summary>The deterministic token id of an effect's action: the same email resent carries the same token.</summary>
    public static string TokenIdFor(string effectId, string action) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes($"{effectId}\n{action}")))[..22];

    public MintedAction Mint(string requestId, ActionLink link, string tokenId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenId);
        var (keyId, key) = _keys[0];
        var claims = new ActionClaims(tokenId, requestId, link.ActorEmail.Trim(), link.Action, link.Step, link.ExpiresAt.ToUnixTimeSeconds(), keyId);
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var token = $"{payload}.{WebEncoders.Base64UrlEncode(Sign(key, payload))}";
        var page = new Uri($"{_baseUrl}/{PathFor(link.Action)}/{token}");
        var decisions = link.Decisions
            .Select(d => new DecisionLink(d, new Uri($"{page}?decision={Uri.EscapeDataString(d)}")))
            .ToList();
        return new MintedAction(token, claims, page, decisions);
    }

    /// <summary>Where a link of <paramref name="action"/> opens: a nomination's invitation has a page of its own, every other action /actions.</summary>
    public static string PathFor(string action) => action == ActionNames.NominationInvitation ? "invitations" : "actions";

    public ActionTokenValidation Validate(string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature))
        {
            return new ActionTokenValidation.Malformed("The token is not two base64url parts.");
        }
        ActionClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<ActionClaims>(payload);
        }
        catch (JsonException)
        {
            return new ActionTokenValidation.Malformed("The token's claims are not readable.");
        }
        if (claims is null || new[] { claims.TokenId, claims.RequestId, claims.ActorEmail, claims.Action, claims.Step, claims.KeyId }.Any(string.IsNullOrEmpty))
        {
            return new ActionTokenValidation.Malformed("The token's claims are incomplete.");
        }
        var key = _keys.FirstOrDefault(k => k.Id == claims.KeyId).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(Sign(key, parts[0]), signature))
        {
            return new ActionTokenValidation.Forged();
        }
        return now >= claims.ExpiresAt
            ? new ActionTokenValidation.Expired(claims)
            : new ActionTokenValidation.Valid(claims);
    }

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));

    private static string KeyIdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0 || part.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }
        try
        {
            bytes = WebEncoders.Base64UrlDecode(part);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
