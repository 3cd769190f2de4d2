using System.Globalization;

namespace ReferenceFlow.Storage.Requests;

/// <summary>Row keys inside one request's partition; the prefixes keep each kind a contiguous range.</summary>
public static class RequestRows
{
    public const string Head = "head";
    public const string CommandsFrom = "c:";
    public const string EventsFrom = "e:";
    public const string EventsTo = "e;";

    public static string Event(long version) => "e:" + version.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>A once-only mark (an email sent, an action link used), keyed by what it marks.</summary>
    public static string Mark(string key) => "m:" + KeyEncoding.Encode(key);

    /// <summary>The command a decision was made for: its id in the history makes deciding it again "already applied".</summary>
    public static string Command(string commandId) => "c:" + KeyEncoding.Encode(commandId);

    /// <summary>The id of effect <paramref name="index"/> of the event at <paramref name="version"/>: stable across retries.</summary>
    public static string EffectId(string requestId, long version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{requestId}:{version}:{index}");
}
