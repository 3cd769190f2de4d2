using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ReferenceFlow.Bench.ProgramPage;
using ReferenceFlow.Bench.SubmitLoad;
using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Serialization;

// GET /program with a year of requests in the program figures' read model, over HTTP, against baselines of the same run.
// Usage: dotnet run -c Release --project bench/ProgramPage -- [--requests 5000] [--reads 200] [--writers 16]
var options = HostBench.Options(args);
var requests = options.Option("requests", 5_000);
var reads = options.Option("reads", 200);
var writers = options.Option("writers", 16);
var connection = HostBench.Connection;

var root = HostBench.Root();
if (!await HostBench.BuildWebAsync(root)) return 1;

var rows = new List<(string Figure, string Value)>();
var tables = new TableServiceClient(connection);
var prefix = "g" + Guid.NewGuid().ToString("N")[..8];
var outboxPath = Path.Combine(Path.GetTempPath(), prefix);
Directory.CreateDirectory(outboxPath);
try
{
    await using var host = await HostProcess.StartAsync(root, prefix, outboxPath, demoData: true, port: 5300 + Random.Shared.Next(500));
    using var pm = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
    pm.DefaultRequestHeaders.Add("X-Api-Key", "dev-pm");
    var contacts = await DemoSeededAsync(pm);
    Console.Error.WriteLine($"Demo program seeded ({contacts.Count} contacts); writing {requests:N0} requests' figures…");

    var days = new ProgramDays(new StorageLayout(tables, new StorageNames(prefix)), JsonCodec.For(typeof(RequestFacts)));
    var now = DateTimeOffset.UtcNow;
    var conflicts = 0;
    var writing = Stopwatch.StartNew();
    await Parallel.ForEachAsync(SyntheticRequests.Year(requests, now, contacts), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (r, ct) =>
    {
        while (!await days.TryReplaceAsync(r.Id, await days.ReadAsync(r.Id, ct), r.Facts, 1, ct)) Interlocked.Increment(ref conflicts);
    });
    writing.Stop();
    var year = await days.RangeAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-365), DateOnly.FromDateTime(now.UtcDateTime), default);
    rows.Add(("requests written through `ProgramDays` (16 at once): requests/s, ETag conflicts retried",
        FormattableString.Invariant($"{requests / writing.Elapsed.TotalSeconds:N0} requests/s ({requests:N0} in {writing.Elapsed.TotalSeconds:N1} s), {conflicts} conflicts")));
    rows.Add(("day rows in the last 366 days / requests they count", FormattableString.Invariant($"{year.Count} / {year.Sum(d => d.Tally.Submitted):N0}")));

    var today = DateOnly.FromDateTime(now.UtcDateTime);
    var yearQuery = $"from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
    var timed = new (string Figure, string Path)[]
    {
        ("baseline: `GET /` home page as the program manager", "/"),
        ("baseline: `GET /api/program/coverage`", "/api/program/coverage"),
        ("**`GET /program`** (default: last 90 days)", "/program"),
        ("`GET /program` over the whole year (366 days)", "/program?" + yearQuery),
        ("`GET /api/program/metrics` over the last 90 days", $"/api/program/metrics?from={today.AddDays(-89):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
    };
    foreach (var (_, path) in timed) await HostBench.TimedAsync(10, () => pm.GetAsync(path)); // warm-up: JIT, the directory snapshot, usage in memory
    // Interleaved rounds, so a burst of load on the machine falls on every figure alike.
    var samples = timed.ToDictionary(t => t.Path, _ => new List<double>());
    for (var round = 0; round < reads; round++)
    {
        foreach (var (_, path) in timed) samples[path].AddRange(await HostBench.TimedAsync(1, () => pm.GetAsync(path)));
    }
    rows.Add(("raw Azurite point read, one at a time (p50 / p95 / max)", Stats.Summary(await HostBench.RawReadsAsync(tables, "g"))));
    foreach (var (figure, path) in timed) rows.Add(($"{figure}, {reads} reads (p50 / p95 / max)", Stats.Summary(samples[path])));
    var html = await pm.GetStringAsync("/program?" + yearQuery);
    rows.Add(("`GET /program` over the year: HTML size, charts", FormattableString.Invariant($"{html.Length / 1024.0:N0} KB, {html.Split("role=\"img\"").Length - 1} SVG charts")));
}
finally
{
    await foreach (var t in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
    {
        await tables.DeleteTableAsync(t.Name);
    }
    Directory.Delete(outboxPath, recursive: true);
}

Console.WriteLine("| figure | value |");
Console.WriteLine("|---|---|");
foreach (var (figure, value) in rows) Console.WriteLine($"| {figure} | {value} |");
return 0;

// The demo seed runs in the background at start: wait until its requests stop coming, then list the contacts.
static async Task<IReadOnlyList<ContactKey>> DemoSeededAsync(HttpClient pm)
{
    var last = -1;
    for (var look = 0; look < 120; look++)
    {
        await Task.Delay(2_000);
        var count = (await pm.GetFromJsonAsync<JsonArray>("/api/requests?pageSize=500"))!.Count;
        if (count > 0 && count == last) break;
        last = count;
    }
    var accounts = (await pm.GetFromJsonAsync<JsonArray>("/api/references?pageSize=500"))!;
    return [.. accounts.SelectMany(a => a!["contacts"]!.AsArray().Select(c => new ContactKey((string)a["referenceId"]!, (string)c!["contactId"]!)))];
}

