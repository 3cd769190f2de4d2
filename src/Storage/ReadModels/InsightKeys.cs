using System.Globalization;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Where insight rows live in the insights table. Every insight is written as a full copy into each partition a
/// filter reads, under one row key (inverted debrief time, then request id), so each list is one partition read
/// newest first:
/// <list type="bullet">
/// <item><c>all</c>: every insight;</item>
/// <item><c>topic|{topic}</c>: one copy per topic of its request (a request may have several), with the competitor
/// in a column for a topic-and-competitor filter;</item>
/// <item><c>competitor|{competitor}</c>: one copy when the request names a competitor.</item>
/// </list>
/// Values are keyed in lower case: filters compare without regard to case.
/// </summary>
internal static class InsightKeys
{
    public const string All = "all";
    public const string Layout = "layout";

    /// <summary>Marks a table filled from the debriefs of histories recorded before it existed.</summary>
    public const string Backfilled = "backfill-v1";

    // Row keys are digits then '|': ':' sorts after every one of them.
    public const string End = ":";

    private const string TokenPrefix = "insight|";

    public static string Topic(string topic) => "topic|" + KeyEncoding.Encode(Normal(topic));

    public static string Competitor(string competitor) => "competitor|" + KeyEncoding.Encode(Normal(competitor));

    /// <summary>How a filter value is compared: trimmed, lower case.</summary>
    public static string Normal(string value) => value.Trim().ToLowerInvariant();

    /// <summary>Newest first, and the same key for the same debrief however often it is written.</summary>
    public static string Row(DateTimeOffset at, string requestId) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + KeyEncoding.Encode(requestId);

    /// <summary>The continuation after <paramref name="rowKey"/>; it says it is this list's, so no other list's token continues it.</summary>
    public static string Token(string rowKey) => PageToken.Encode(TokenPrefix + rowKey);

    public static string? TryReadToken(string? token) =>
        PageToken.TryDecode(token) is { } key && key.StartsWith(TokenPrefix, StringComparison.Ordinal) && key.Length > TokenPrefix.Length
            ? key[TokenPrefix.Length..]
            : null;
}
