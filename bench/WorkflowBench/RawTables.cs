using Azure.Data.Tables;

namespace ReferenceFlow.WorkflowBench;

/// <summary>The baseline: single-entity inserts into a table of our own, one at a time and from concurrent clients.</summary>
internal static class RawTables
{
    public static async Task RunAsync(TableServiceClient service, string tableName, int ops, HttpCounter http, Report report)
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        await RawInserts.RunAsync(table, "warmup", 20, 1);
        foreach (var clients in new[] { 1, 10, 50 })
        {
            var before = http.Now;
            var (wall, latencies) = await RawInserts.RunAsync(table, $"c{clients}", ops, clients);
            var counted = (http.Now - before).Service("table");
            report.Add("1. raw Azurite (table insert)", clients == 1 ? "1 client, one at a time" : $"{clients} concurrent clients",
                $"{Report.F(ops / wall.TotalSeconds, "0")} ops/s, {Report.F(latencies.Average(), "0.0")} ms per round trip " +
                $"(p95 {Report.F(latencies.Order().ElementAt((int)(latencies.Count * 0.95)), "0.0")} ms; {counted} HTTP requests counted for {ops} inserts)");
        }
    }
}
