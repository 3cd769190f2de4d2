using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.References;

/// <summary>
/// The directory search's query string (industry, country, product, status, activity, topic, level, usage, q, owner),
/// as sent; blank is absent.
/// </summary>
public sealed record DirectoryQuery(
    string? Industry, string? Country, string? Status, string? Activity, string? Topic, string? Q, string? Owner,
    string? Product = null, string? Level = null, string? Usage = null)
{
    public static DirectoryQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(Value(query["industry"]), Value(query["country"]), Value(query["status"]), Value(query["activity"]),
            Value(query["topic"]), Value(query["q"]), Value(query["owner"]),
            Value(query["product"]), Value(query["level"]), Value(query["usage"]));
    }

    /// <summary>The filter this query asks for, with an error per field that does not parse; such a field filters nothing.</summary>
    public ReferenceFilter ToFilter(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ReferenceFilter(Industry, CountryOrNull(errors), EnumOrNull<AccountStatus>(errors, "status", Status), Owner,
            EnumOrNull<Activity>(errors, "activity", Activity), Topic, Q, Product,
            Level is null ? null : ParseLevel(errors), Usage is null ? null : ParseUsage(errors));
    }

    private static T? EnumOrNull<T>(FieldErrors errors, string field, string? value) where T : struct, Enum
    {
        if (value is null) return null;
        var parsed = errors.Enum<T>(field, value);
        return errors.Has(field) ? null : parsed;
    }

    // A name ("Germany") would match nothing and look like an empty directory: it is an error that gives the code.
    private string? CountryOrNull(FieldErrors errors)
    {
        if (Country is null) return null;
        var code = errors.Country("country", Country);
        return errors.Has("country") ? null : code;
    }

    private ReferenceLevel? ParseLevel(FieldErrors errors)
    {
        if (int.TryParse(Level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((ReferenceLevel)n))
        {
            return (ReferenceLevel)n;
        }
        errors.Add("level", $"'{Level}' is not a level: 3 takes calls, 2 name, logo and quote, 1 co-marketing.");
        return null;
    }

    private UsageStanding? ParseUsage(FieldErrors errors)
    {
        foreach (var standing in Enum.GetValues<UsageStanding>())
        {
            if (string.Equals(Usage, UsageName(standing), StringComparison.OrdinalIgnoreCase)) return standing;
        }
        errors.Add("usage", $"'{Usage}' is not one of overAsked, neverAsked.");
        return null;
    }

    /// <summary>How the query string spells a usage standing (overAsked, neverAsked).</summary>
    public static string UsageName(UsageStanding standing) => JsonNamingPolicy.CamelCase.ConvertName(standing.ToString());

    private static string? Value(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
