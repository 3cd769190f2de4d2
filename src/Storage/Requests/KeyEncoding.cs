using System.Text;

namespace ReferenceFlow.Storage.Requests;

/// <summary>Table keys may not hold / \ # ? or control characters; those (and %) are percent-encoded.</summary>
public static class KeyEncoding
{
    public static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length > 400)
        {
            throw new ArgumentException($"Key '{value[..40]}…' is longer than 400 characters.", nameof(value));
        }
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
