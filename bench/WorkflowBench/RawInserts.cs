using System.Diagnostics;
using Azure.Data.Tables;

namespace ReferenceFlow.WorkflowBench;

/// <summary>Azurite's own pace, the baseline of every storage figure: single-entity inserts into a table of the bench's own.</summary>
internal static class RawInserts
{
    /// <summary><paramref name="ops"/> inserts into <paramref name="partition"/> from <paramref name="clients"/> concurrent clients: the wall time and each round trip in ms.</summary>
    public static async Task<(TimeSpan Wall, List<double> Latencies)> RunAsync(TableClient table, string partition, int ops, int clients)
    {
        var next = 0;
        var latencies = new List<double>(ops);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n <= ops; n = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await table.AddEntityAsync(new TableEntity(partition, $"{n:D7}") { ["Payload"] = "x" });
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies) latencies.Add(ms);
            }
        }));
        return (wall.Elapsed, latencies);
    }

    /// <summary>Azurite's capacity: inserts per second from 50 concurrent clients (500 of them, after 20 to warm up), in a table of its own.</summary>
    public static async Task<double> CapacityAsync(TableServiceClient tables, string prefix)
    {
        var table = tables.GetTableClient(prefix + Guid.NewGuid().ToString("N")[..8] + "cap");
        await table.CreateIfNotExistsAsync();
        await RunAsync(table, "warmup", 20, 1);
        var (wall, _) = await RunAsync(table, "c50", 500, 50);
        await table.DeleteAsync();
        return 500 / wall.TotalSeconds;
    }
}
