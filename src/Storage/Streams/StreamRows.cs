using System.Globalization;

namespace ReferenceFlow.Storage.Streams;

/// <summary>Row keys inside one stream partition; the prefixes keep each kind a contiguous range.</summary>
public static class StreamRows
{
    public const string Head = "head";
    public const string EventsFrom = "e:";
    public const string EventsTo = "e;";
    public const string OutboxFrom = "o:";
    public const string OutboxTo = "o;";

    public static string Event(long version) => "e:" + version.ToString("D10", CultureInfo.InvariantCulture);

    public static string Dedupe(string messageId) => "d:" + KeyEncoding.Encode(messageId);

    public static string Outbox(string effectId) => "o:" + KeyEncoding.Encode(effectId);

    public static string Completion(string effectId) => "c:" + KeyEncoding.Encode(effectId);

    public static string EffectId(string streamId, long version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{streamId}:{version}:{index}");
}
