using System.Net.Mail;
using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.Places;

namespace ReferenceFlow.Api.Validation;

/// <summary>Validation errors keyed by field path ("prospect.country", "contacts[0].email").</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Every error of <paramref name="other"/>, each field named under <paramref name="prefix"/> ("account." + "industry").</summary>
    public void AddAll(string prefix, FieldErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages) Add(prefix + field, message);
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public string? Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "Required."); return null; }
        value = value.Trim();
        if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        return value;
    }

    public string? Optional(string field, string? value, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        return value;
    }

    /// <summary>An optional true/false query value; absent is false.</summary>
    public bool Flag(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (bool.TryParse(value.Trim(), out var parsed)) return parsed;
        Add(field, $"'{value}' is not true or false.");
        return false;
    }

    /// <summary>
    /// One of <typeparamref name="T"/>'s values, by its name ("CLevel", as the API documents) or its label ("C-level", as
    /// people read it); the messages list the labels, so an error names what the reader saw.
    /// </summary>
    public T Enum<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, $"Required: one of {Labels.Choices<T>()}."); return default; }
        var text = value.Trim();
        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !text.All(char.IsDigit))
        {
            return parsed;
        }
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(Labels.Of(candidate), text, StringComparison.OrdinalIgnoreCase)) return candidate;
        }
        Add(field, $"'{value}' is not one of {Labels.Choices<T>()}.");
        return default;
    }

    public string? Email(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) Add(field, "Required."); return null; }
        value = value.Trim();
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value ||
            !address.Host.Contains('.', StringComparison.Ordinal))
        {
            Add(field, $"'{value}' is not an email address.");
        }
        return value;
    }

    /// <summary>An ISO 3166 alpha-2 code, in either case; a country's name is refused with its code, so nothing is guessed.</summary>
    public string? Country(string field, string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        if (IsoCodes.IsCountry(code)) return code;
        Add(field, string.IsNullOrWhiteSpace(value)
            ? "Required: a country, as its two-letter ISO 3166 code (DE for Germany)."
            : Countries.CodeFor(value) is { } known
                ? $"'{value}' is a country's name, not its code: send {known} for {Countries.Name(known)}."
                : $"'{value}' is not a country's two-letter ISO 3166 code (such as DE for Germany).");
        return code;
    }

    public string? TimeZone(string field, string? value)
    {
        var id = value?.Trim();
        if (!IsoCodes.IsTimeZone(id)) Add(field, string.IsNullOrWhiteSpace(value) ? "Required: a time zone such as Europe/Paris." : $"'{value}' is not a time zone such as Europe/Paris.");
        return id;
    }

    /// <summary>An ISO 639-1 code, in either case; a language's name is refused with its code.</summary>
    public string? Language(string field, string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        if (IsoCodes.IsLanguage(code)) return code;
        Add(field, string.IsNullOrWhiteSpace(value)
            ? "Required: a language, as its two-letter ISO 639-1 code (de for German)."
            : Languages.CodeFor(value) is { } known
                ? $"'{value}' is a language's name, not its code: send {known} for {Languages.Name(known)}."
                : $"'{value}' is not a language's two-letter ISO 639-1 code (such as de for German).");
        return code;
    }

    public IReadOnlyList<string> List(string field, IEnumerable<string?>? values, int max = 50, bool required = false)
    {
        var list = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (required && list.Count == 0) Add(field, "At least one value is required.");
        if (list.Count > max) Add(field, $"At most {max} values.");
        if (list.Any(v => v.Length > 200)) Add(field, "Each value has at most 200 characters.");
        return list;
    }

    public void Range(string field, long? value, long min, long max, bool required = true)
    {
        if (value is null) { if (required) Add(field, "Required."); return; }
        if (value < min || value > max) Add(field, $"Must be between {min} and {max}.");
    }
}
