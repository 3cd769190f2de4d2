using System.Globalization;

namespace ReferenceFlow.WorkflowBench;

/// <summary>Command-line flags; storage from ReferenceFlow__Storage__ConnectionString, else Azurite.</summary>
internal sealed record BenchOptions(
    int Requests, int Partitions, int PollMs, int Timers, int ReminderSeconds, int Burst, int RawOps, int TimeoutSeconds, bool Keep,
    string ConnectionString, int Solo = 10, int IdleSeconds = 5)
{
    public const string Usage =
        "--requests N (200)  --partitions N (4)  --poll-ms N (1000, MaxQueuePollingInterval)  --timers N (5)  " +
        "--reminder-s N (5)  --burst N (50 commands to one request)  --raw-ops N (500 per level)  --timeout-s N (300 per leg)  " +
        "--solo N (10 requests one at a time)  --idle-s N (5, the idle window)  --keep (leave tables and task hub)";

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public bool IsAzurite => ConnectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || ConnectionString.Contains("127.0.0.1", StringComparison.Ordinal);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"Bad option '{args[i]}'. Options: {Usage}");
            }
            values[args[i][2..]] = value;
            i++;
        }
        int Get(string name, int fallback, int min, int max)
        {
            var v = values.Remove(name, out var given) ? given : fallback;
            return v >= min && v <= max ? v : throw new ArgumentException($"--{name} must be within {min}..{max}.");
        }
        var options = new BenchOptions(
            Get("requests", 200, 1, 5000), Get("partitions", 4, 1, 16), Get("poll-ms", 1000, 50, 30_000), Get("timers", 5, 0, 100),
            Get("reminder-s", 5, 1, 600), Get("burst", 50, 1, 1000), Get("raw-ops", 500, 10, 100_000), Get("timeout-s", 300, 10, 3600), keep,
            Environment.GetEnvironmentVariable("ReferenceFlow__Storage__ConnectionString") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true",
            Get("solo", 10, 2, 1000), Get("idle-s", 5, 1, 600));
        return values.Count == 0 ? options : throw new ArgumentException($"Unknown option --{values.Keys.First()}. Options: {Usage}");
    }
}
