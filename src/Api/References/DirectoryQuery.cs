using Microsoft.Extensions.Primitives;

namespace ReferenceFlow.Api.References;

/// <summary>The directory search's query string (industry, country, status, activity, topic, q, owner), as sent; blank is absent.</summary>
public sealed record DirectoryQuery(string? Industry, string? Country, string? Status, string? Activity, string? Topic, string? Q, string? Owner)
{
    public static DirectoryQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(Value(query["industry"]), Value(query["country"]), Value(query["status"]), Value(query["activity"]),
            Value(query["topic"]), Value(query["q"]), Value(query["owner"]));
    }

    private static string? Value(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
