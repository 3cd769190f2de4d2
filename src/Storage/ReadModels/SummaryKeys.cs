using System.Globalization;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Where summary rows live in the summaries table. The main row (by request id) is the authority; the others are
/// derived from it on every write, each laid out for one read:
/// <list type="bullet">
/// <item><c>newest</c>: a copy of every summary keyed by inverted submission time, so a page is a range read, newest first;</item>
/// <item><c>crm</c>: a request per opportunity, keyed by CRM id, so an outcome finds its requests with a prefix read;</item>
/// </list>
/// </summary>
internal static class SummaryKeys
{
    public const string Main = "summary";
    public const string Newest = "newest";
    public const string Opportunity = "crm";
    public const string Layout = "layout";

    /// <summary>Marks a table whose derived rows were built from its main rows (summaries from before they existed).</summary>
    public const string LayoutVersion = "derived-v1";

    // '|' separates key parts. KeyEncoding leaves it alone, so a part escapes it as "%7C" ('%' itself is always escaped,
    // so this reads back unambiguously): otherwise "A|" starts the keys of CRM id "A|B" as well as those of "A".
    private const char Separator = '|';
    private const string EscapedSeparator = "%7C";

    public static string NewestKey(DateTimeOffset submittedAt, string requestId) =>
        (DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + Separator + KeyEncoding.Encode(requestId);

    public static string OpportunityKey(string crmId, string requestId) => Prefix(crmId) + Part(requestId);

    /// <summary>The start of every key that begins with <paramref name="value"/>; the range ends at <see cref="PrefixEnd"/>.</summary>
    public static string Prefix(string value) => Part(value) + Separator;

    public static string PrefixEnd(string value) => Part(value) + (char)(Separator + 1);

    /// <summary>
    /// The key ranges that may hold <paramref name="value"/>'s rows: its own, and, for a value with a '|', where rows written
    /// before '|' was escaped put it. A range can also hold other values' rows: keep only those <see cref="IsRowFor"/> accepts.
    /// </summary>
    public static IEnumerable<(string From, string To)> Ranges(string value)
    {
        yield return (Prefix(value), PrefixEnd(value));
        if (value.Contains(Separator, StringComparison.Ordinal))
        {
            yield return (KeyEncoding.Encode(value) + Separator, KeyEncoding.Encode(value) + (char)(Separator + 1));
        }
    }

    /// <summary>Whether <paramref name="rowKey"/> is <paramref name="value"/>'s row for <paramref name="requestId"/>, as written now or before.</summary>
    public static bool IsRowFor(string rowKey, string value, string requestId) =>
        rowKey == Prefix(value) + Part(requestId) || rowKey == KeyEncoding.Encode(value) + Separator + KeyEncoding.Encode(requestId);

    private static string Part(string value) => KeyEncoding.Encode(value).Replace(Separator.ToString(), EscapedSeparator, StringComparison.Ordinal);
}
