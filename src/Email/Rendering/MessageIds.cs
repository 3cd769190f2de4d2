using System.Security.Cryptography;
using System.Text;

namespace ReferenceFlow.Email.Rendering;

/// <summary>Stable Message-IDs: the same effect always yields the same id, so a retried send is recognisable.</summary>
public static class MessageIds
{
    /// <summary>The Message-ID without angle brackets: <c>{sha256(effectId)[..32]}@{domain}</c>.</summary>
    public static string For(string effectId, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(effectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(effectId)))[..32]}@{domain}";
    }
}
