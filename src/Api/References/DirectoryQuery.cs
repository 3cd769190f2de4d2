namespace ReferenceFlow.Api.References;

/// <summary>The directory search's query string (industry, country, status, activity, topic, q, owner), as sent.</summary>
public sealed record DirectoryQuery(string? Industry, string? Country, string? Status, string? Activity, string? Topic, string? Q, string? Owner)
{
    public static DirectoryQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(query["industry"], query["country"], query["status"], query["activity"], query["topic"], query["q"], query["owner"]);
    }
}
