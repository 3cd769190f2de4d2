using System.Globalization;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.References;

/// <summary>One CSV row read into the same DTOs the JSON API validates; fields are named as in the import template.</summary>
internal sealed record CsvRow(ReferenceDto Account, ContactDto Contact)
{
    public static CsvRow Read(Func<string, string?> field, FieldErrors errors)
    {
        var account = new ReferenceDto(
            field("account"), field("industry"), Int(field, "employees", errors), Long(field, "annualRevenueUsd", errors),
            field("country"), List(field("products")), List(field("useCases")), List(field("migratedFrom")),
            field("ownerEmail"), field("status"), null, field("healthNotes"), field("ownerName"));
        var contact = new ContactDto(
            field("contactId"), field("name"), field("email"), field("title"), field("seniority"), field("persona"),
            field("timeZone"), List(field("languages")), List(field("activities")), List(field("topics")),
            Int(field, "maxCallsPerQuarter", errors), Date(field, "pausedUntil", errors), Date(field, "consentExpires", errors),
            field("phone"));
        return new CsvRow(account, contact);
    }

    private static List<string?>? List(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (string?)v).ToList();

    private static int? Int(Func<string, string?> field, string name, FieldErrors errors)
    {
        var text = field(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(name, $"'{text}' is not a whole number.");
        return null;
    }

    private static long? Long(Func<string, string?> field, string name, FieldErrors errors)
    {
        var text = field(name);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(name, $"'{text}' is not a whole number.");
        return null;
    }

    private static DateOnly? Date(Func<string, string?> field, string name, FieldErrors errors)
    {
        var text = field(name);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(name, $"'{text}' is not a date (yyyy-MM-dd).");
        return null;
    }
}
