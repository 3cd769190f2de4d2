using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// One person's name, email and phone, and what replaces each: the address and name by the pseudonym, the phone by
/// nothing. Matches the values as they are written anywhere in storage: as typed, upper-cased (filter columns), escaped
/// inside JSON (System.Text.Json escapes '+', quotes and non-ASCII) and URL-escaped (some keys); whole words only, so a
/// short name does not eat into other words.
/// </summary>
public sealed class PersonalData
{
    private readonly Regex _email;
    private readonly Regex? _name;
    private readonly Regex? _phone;

    public PersonalData(string email, IEnumerable<string> names, IEnumerable<string> phones, Pseudonym pseudonym)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(pseudonym);
        Pseudonym = pseudonym;
        Email = email.Trim();
        Names = [.. names.Select(n => n.Trim()).Where(n => n.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase)];
        Phones = [.. phones.Select(p => p.Trim()).Where(p => p.Length >= 4).Distinct(StringComparer.Ordinal)];
        _email = Pattern([Email], @"(?<![A-Za-z0-9._%+\-])", @"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])")!;
        _name = Pattern(Names, @"(?<![\p{L}\p{N}])", @"(?![\p{L}\p{N}])");
        _phone = Pattern(Phones, @"(?<![\d+])", @"(?!\d)");
    }

    public string Email { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<string> Phones { get; }

    public Pseudonym Pseudonym { get; }

    /// <summary>The text with every match replaced; the same instance when nothing matched.</summary>
    public string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = _email.Replace(text, m => SameCase(m.Value, Pseudonym.Email));
        if (_name is not null) result = _name.Replace(result, m => SameCase(m.Value, Pseudonym.Name));
        if (_phone is not null) result = _phone.Replace(result, "");
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    public bool Holds(string text) =>
        _email.IsMatch(text) || (_name?.IsMatch(text) ?? false) || (_phone?.IsMatch(text) ?? false);

    // Filter columns hold addresses and names upper-cased: their replacement is too, so lookups by it still match.
    private static string SameCase(string found, string replacement) =>
        found.Any(char.IsLetter) && found == found.ToUpperInvariant() ? replacement.ToUpperInvariant() : replacement;

    private static Regex? Pattern(IReadOnlyList<string> values, string before, string after)
    {
        var forms = values
            .SelectMany(v => new[] { v, JsonEncodedText.Encode(v).Value, JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, Uri.EscapeDataString(v) })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length)
            .Select(Regex.Escape)
            .ToList();
        if (forms.Count == 0) return null;
        return new Regex(string.Create(CultureInfo.InvariantCulture, $"{before}(?:{string.Join('|', forms)}){after}"),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }
}
