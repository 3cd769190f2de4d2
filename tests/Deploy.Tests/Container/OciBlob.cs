using System.Security.Cryptography;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>Content-addressed bytes as a registry serves them.</summary>
public sealed record OciBlob(string MediaType, byte[] Content)
{
    public string Digest { get; } = DigestOf(Content);

    public static string DigestOf(byte[] content) => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(content))}";
}
