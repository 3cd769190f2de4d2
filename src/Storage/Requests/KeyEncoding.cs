using System.Text;

namespace ReferenceFlow.Storage.Requests;

/// <summary>Table keys may not hold / \ # ? or control characters; those (and %) are percent-encoded.</summary>
public static class KeyEncoding
{
    private const int MaxLength = 400;

    /// <summary>Whether <paramref name="value"/> can be a key at all: an id that cannot is one nothing was ever stored under.</summary>
    public static bool Fits(string? value) => value is { Length: > 0 and <= MaxLength };

    /// <summary>Whether <paramref name="value"/> can be a table key without encoding (the directory's ids are validated so).</summary>
    public static bool FitsAsIs(string? value) =>
        Fits(value) && !string.IsNullOrWhiteSpace(value) && !value!.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    public static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"Key '{value[..40]}…' is longer than {MaxLength} characters.", nameof(value));
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

    /// <summary>The value <see cref="Encode"/> was given: every '%' it wrote starts an escape.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal)) return key;
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber,
                    System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }
        return builder.ToString();
    }
}
