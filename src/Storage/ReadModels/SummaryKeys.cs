using System.Globalization;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Where summary rows live in the summaries table: every row in one partition, so that one transaction writes a request's
/// main row with the rows derived from it. The main row (keyed by the encoded request id) is the authority; the others
/// are laid out for one read each:
/// <list type="bullet">
/// <item>list rows (<see cref="NewestPrefix"/>): a copy of every summary keyed by inverted submission time, so a page is a
/// range read, newest first;</item>
/// <item>opportunity rows (<see cref="OpportunityPrefix"/>): a request per opportunity, keyed by CRM id, so an outcome
/// finds its requests with a prefix read.</item>
/// </list>
/// A derived row's key starts with '%' and a letter, which no main row's key can: <see cref="KeyEncoding"/> writes '%'
/// only before two hex digits. So the main rows are the partition outside <see cref="DerivedFrom"/>..<see cref="DerivedTo"/>.
/// </summary>
internal static class SummaryKeys
{
    public const string Partition = "summary";
    public const string NewestPrefix = "%n";
    public const string OpportunityPrefix = "%o";
    public const string DerivedFrom = NewestPrefix;
    public const string DerivedTo = "%p";
    public const string Layout = "layout";

    /// <summary>Marks a table whose derived rows were built from its main rows, in this layout.</summary>
    public const string LayoutVersion = "derived-v2";

    /// <summary>The partitions that held the derived rows before they joined the main rows (layout v1).</summary>
    public static readonly string[] FormerPartitions = ["newest", "crm"];

    // '|' separates key parts. KeyEncoding leaves it alone, so a part escapes it as "%7C" ('%' itself is always escaped,
    // so this reads back unambiguously): otherwise "A|" starts the keys of CRM id "A|B" as well as those of "A".
    private const char Separator = '|';
    private const string EscapedSeparator = "%7C";

    public static string MainKey(string requestId) => KeyEncoding.Encode(requestId);

    public static string NewestKey(DateTimeOffset submittedAt, string requestId) =>
        NewestPrefix + (DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + Separator + KeyEncoding.Encode(requestId);

    /// <summary>The end of the list rows' range: their keys go on with digits, and ':' sorts right after '9'.</summary>
    public const string NewestEnd = NewestPrefix + ":";

    public static string OpportunityKey(string crmId, string requestId) => OpportunityPrefix + Prefix(crmId) + Part(requestId);

    /// <summary>The key range of <paramref name="crmId"/>'s opportunity rows.</summary>
    public static (string From, string To) OpportunityRange(string crmId) =>
        (OpportunityPrefix + Prefix(crmId), OpportunityPrefix + Part(crmId) + (char)(Separator + 1));

    private static string Prefix(string value) => Part(value) + Separator;

    private static string Part(string value) => KeyEncoding.Encode(value).Replace(Separator.ToString(), EscapedSeparator, StringComparison.Ordinal);
}
