using System.Text.RegularExpressions;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>The table and queue names, derived from <see cref="StorageOptions.TablePrefix"/>.</summary>
public sealed partial class StorageNames
{
    public StorageNames(string prefix)
    {
        prefix ??= "";
        if (prefix.Length > 30 || (prefix.Length > 0 && !Prefix().IsMatch(prefix)))
        {
            throw new ArgumentException(
                $"TablePrefix '{prefix}' must start with a letter and hold only letters and digits (at most 30).", nameof(prefix));
        }
        var table = prefix;
        var queue = prefix.Length == 0 ? "" : prefix.ToLowerInvariant() + "-";
        Streams = table + "streams";
        OutboxIndex = table + "outboxindex";
        TimerIndex = table + "timerindex";
        Summaries = table + "summaries";
        Usage = table + "usage";
        WorkQueue = queue + "work";
        TimerQueue = queue + "timers";
    }

    public string Streams { get; }
    public string OutboxIndex { get; }
    public string TimerIndex { get; }
    public string Summaries { get; }
    public string Usage { get; }
    public string WorkQueue { get; }
    public string TimerQueue { get; }

    public static string PoisonOf(string queue) => queue + "-poison";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Prefix();
}
