using System.Buffers.Text;
using System.Text;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// The continuation of a paged list: the key of the last item shown, opaque to callers (base64url). Paging by key
/// rather than by offset means rows added meanwhile never shift a page or show twice.
/// </summary>
public static class PageToken
{
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    /// <summary>The key a token stands for, or null when it is not one of ours.</summary>
    public static string? TryDecode(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return null;
        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return key.Length == 0 || key.Any(char.IsControl) ? null : key;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
