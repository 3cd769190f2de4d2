using System.Security.Cryptography;
using System.Text;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// What an erased contact is called from then on: a keyed hash of who they were (their directory key, or the address when
/// the directory never held them), so the same person gets the same pseudonym everywhere and counts and joins still add
/// up, while nobody without the key can test a guess against it.
/// </summary>
public sealed record Pseudonym(string Tag)
{
    public string Name => $"Erased contact {Tag}";

    /// <summary>An address under the reserved .invalid domain: nothing can ever be delivered to it.</summary>
    public string Email => $"erased-{Tag}@erased.invalid";

    public static Pseudonym For(string subject, byte[] key)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(key);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subject));
        return new Pseudonym(Convert.ToHexStringLower(hash.AsSpan(0, 6)));
    }

    /// <summary>Whether a name is an erased contact's pseudonym (pages say so instead of showing it as a person).</summary>
    public static bool IsPseudonym(string? name) => name?.StartsWith("Erased contact ", StringComparison.Ordinal) == true;
}
