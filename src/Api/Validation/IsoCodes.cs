using ReferenceFlow.Domain.Places;

namespace ReferenceFlow.Api.Validation;

/// <summary>
/// The codes the API, the CSV import and the intake accept: ISO 3166-1 alpha-2 countries and ISO 639-1 languages (the
/// Domain's lists, which also name them), and IANA time zones.
/// </summary>
public static class IsoCodes
{
    public static bool IsCountry(string? code) => Countries.IsCode(code);

    public static bool IsLanguage(string? code) => Languages.IsCode(code);

    /// <summary>An IANA zone id known to this machine's tz database (Windows ids are refused).</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) &&
        (id.Contains('/', StringComparison.Ordinal) || id is "UTC" or "GMT") &&
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
