using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Bench.ProgramSimulation;
using ReferenceFlow.Bench.SubmitLoad;
using ReferenceFlow.WorkflowBench;

// Submit under load and the big directory, through the HTTP API of the Web host running as its own process on Azurite.
// Usage: dotnet run -c Release --project bench/SubmitLoad -- [--accounts 10000] [--contacts 4] [--reps 100] [--singles 30] [--skip-demo] [--skip-big] [--open N [--park-concurrency 16] [--idle-s 30]] [--directory-after-import [--edits 10]] [--host-env NAME=VALUE]
var options = HostBench.Options(args);
var bigAccounts = options.Option("accounts", 10_000);
var contactsPerAccount = options.Option("contacts", 4);
var reps = options.Option("reps", 100);
var singles = options.Option("singles", 30);
var open = options.Option("open", 0);
var parkConcurrency = options.Option("park-concurrency", 16);
var idleSeconds = options.Option("idle-s", 30);
var afterImport = options.ContainsKey("directory-after-import");
var edits = options.Option("edits", 10);
// --host-env NAME=VALUE: a variable for the host process only, to compare a runtime setting without rebuilding.
var hostEnvironment = options.TryGetValue("host-env", out var hostEnv) && hostEnv.Split('=', 2) is [var envName, var envValue]
    ? new Dictionary<string, string> { [envName] = envValue }
    : new Dictionary<string, string>();
var connection = HostBench.Connection;

var root = HostBench.Root();
if (!await HostBench.BuildWebAsync(root)) return 1;

var rows = new Rows();
var tables = new TableServiceClient(connection);
if (hostEnvironment.Count > 0) rows.Add(("host", "environment set for the host process", $"`{hostEnv}`"));
rows.Add(("baseline", "raw Azurite point read, one at a time (p50 / p95 / max)", Stats.Summary(await HostBench.RawReadsAsync(tables, "l"))));
var capacity = await RawInserts.CapacityAsync(tables, "l");
rows.Add(("baseline", "raw Azurite capacity: 500 inserts from 50 concurrent clients", FormattableString.Invariant($"{capacity:N0} calls per s")));
// Every host's storage calls go through a counting proxy: what a submission costs in calls, and the floor that implies.
await using var storageCalls = StorageCallCounter.TryStart(connection);
if (storageCalls is not null) hostEnvironment["ReferenceFlow__Storage__ConnectionString"] = storageCalls.ConnectionString;
if (afterImport) await DirectoryAfterImportAsync(bigAccounts);
else if (open > 0) await OpenScenarioAsync(Math.Min(100, open), open, Math.Max(bigAccounts, open));
else if (!options.ContainsKey("skip-demo")) await ScenarioAsync("demo directory (60 accounts)", seedAccounts: 0);
if (!afterImport && open == 0 && !options.ContainsKey("skip-big")) await ScenarioAsync($"big directory ({bigAccounts:N0} accounts, {bigAccounts * contactsPerAccount:N0} contacts)", bigAccounts);

Console.WriteLine("| scenario | figure | value |");
Console.WriteLine("|---|---|---|");
foreach (var (scenario, figure, value) in rows) Console.WriteLine($"| {scenario} | {figure} | {value} |");
return 0;

// One host of its own per scenario, on a fresh table prefix and task hub, with an outbox to read its emails from; all
// removed afterwards.
async Task InOwnHostAsync(string scenario, bool demoData, Func<HostProcess, string, Outbox, Task> run)
{
    Console.Error.WriteLine($"Scenario: {scenario}");
    var prefix = "l" + Guid.NewGuid().ToString("N")[..8];
    var outboxPath = Path.Combine(Path.GetTempPath(), prefix);
    Directory.CreateDirectory(outboxPath);
    await using (var host = await HostProcess.StartAsync(root, prefix, outboxPath, demoData, port: 5300 + Random.Shared.Next(500), hostEnvironment))
    {
        await run(host, prefix, new Outbox(outboxPath));
    }
    await CleanUpAsync(prefix, outboxPath);
}

Task ScenarioAsync(string name, int seedAccounts) => InOwnHostAsync(name, demoData: seedAccounts == 0, async (host, prefix, outbox) =>
    {
        using var pm = Client(host, "dev-pm");
        using var rep = Client(host, "dev-rep");
        using var rep2 = Client(host, "dev-rep2");
        if (seedAccounts > 0)
        {
            await ImportAsync(pm, name, seedAccounts);
        }

        var cold = Stopwatch.StartNew();
        (await pm.GetAsync("/api/references?pageSize=50")).EnsureSuccessStatusCode();
        rows.Add((name, "first directory page after start (loads the snapshot)", $"{cold.Elapsed.TotalMilliseconds:N0} ms"));
        rows.Add((name, "first directory page, 50 reads (p50 / p95 / max)", Stats.Summary(await HostBench.TimedAsync(50, () => pm.GetAsync("/api/references?pageSize=50")))));
        rows.Add((name, "directory text search `q=`, 20 reads (p50 / p95 / max)", Stats.Summary(await HostBench.TimedAsync(20, () => pm.GetAsync("/api/references?q=account%209&pageSize=50")))));
        var listed = (await pm.GetFromJsonAsync<JsonArray>("/api/references?pageSize=500"))!.Count;
        rows.Add((name, "accounts on a 500-row page", listed.ToString(CultureInfo.InvariantCulture)));

        await MeasureSubmitsAsync(name, host, rep, rep2, outbox, prefix, crmId => Samples.Intake(crmId));
        // Again, once the runtime has compiled what a burst runs: most of the host's processor time around the first burst
        // of a fresh host is the JIT (tiering up). Retail prospects, so that the first burst's holds (those requests stay
        // open) are not in the way.
        await QuietAsync(host);
        await MeasureBurstAsync(name + ", again (the runtime warm; Retail prospects)", host, rep, rep2, outbox, prefix + "R",
            crmId => InIndustry(Samples.Intake(crmId), "Retail"));
    });

// One at a time, then everyone at once: each submission's own latency and the owner's email, and the burst's throughput.
async Task<double> MeasureSubmitsAsync(string name, HostProcess host, HttpClient rep, HttpClient rep2, Outbox outbox, string prefix, Func<string, JsonObject> intake)
{
    var single = new List<(string Id, DateTimeOffset Sent, double PostMs)>();
    for (var i = 0; i < singles; i++)
    {
        var (id, sent, ms) = await SubmitAsync(rep, intake($"OPP-SINGLE-{prefix}-{i}"));
        single.Add((id, sent, ms));
        if (ms > 250) Console.Error.WriteLine(FormattableString.Invariant($"  single submit {i + 1}: POST {ms:N0} ms"));
        await WaitForAsync(outbox, [id], TimeSpan.FromSeconds(60));
    }
    rows.Add((name, $"single submit POST, {singles} one at a time (p50 / p95 / max)", Stats.Summary(single.Select(s => s.PostMs).ToList())));
    rows.Add((name, "single submit → owner email written (p50 / p95 / max)", Stats.Summary(EmailMs(outbox, single))));
    return await MeasureBurstAsync(name, host, rep, rep2, outbox, prefix, intake);
}

// Everyone at once: each submission's latency and the owner's email, the burst's throughput, processor time and storage calls.
async Task<double> MeasureBurstAsync(string name, HostProcess host, HttpClient rep, HttpClient rep2, Outbox outbox, string prefix, Func<string, JsonObject> intake)
{
    // Whatever ran before (the import, the singles' orchestrations, the runtime's tiering) settles first, so that the
    // burst's processor time is its own. The engine polls its queues while idle: its rate now, to take out of the burst's calls.
    await QuietAsync(host);
    var idleFrom = (Calls: storageCalls?.Calls ?? 0, At: Stopwatch.StartNew(), Cpu: new CpuMeter([("host", [host.Process])]));
    if (storageCalls is not null) await Task.Delay(TimeSpan.FromSeconds(5));
    var idlePerSecond = ((storageCalls?.Calls ?? 0) - idleFrom.Calls) / idleFrom.At.Elapsed.TotalSeconds;
    var idleHostCpu = idleFrom.Cpu.Spent("host") / idleFrom.At.Elapsed.TotalSeconds;
    var callsBefore = storageCalls?.Calls ?? 0;
    var kindsBefore = storageCalls?.ByKind;
    var cpu = new CpuMeter([("Azurite", CpuMeter.Azurite(connection)), ("host", [host.Process]), ("load client", [Process.GetCurrentProcess()])]);
    var wall = Stopwatch.StartNew();
    var burst = await Task.WhenAll(Enumerable.Range(0, reps).Select(i => SubmitAsync(i % 2 == 0 ? rep : rep2, intake($"OPP-BURST-{prefix}-{i}"))));
    var posted = wall.Elapsed;
    var emailed = await WaitForAsync(outbox, burst.Select(b => b.Id).ToList(), TimeSpan.FromMinutes(3));
    var spent = cpu.Report();
    var perSecond = emailed / wall.Elapsed.TotalSeconds;
    rows.Add((name, $"{reps} at once: POST (p50 / p95 / max)", Stats.Summary(burst.Select(b => b.PostMs).ToList())));
    rows.Add((name, $"{reps} at once: intake → owner email written (p50 / p95 / max)", Stats.Summary(EmailMs(outbox, burst))));
    rows.Add((name, $"{reps} at once: all POSTs answered / emails written / wall time",
        FormattableString.Invariant($"{posted.TotalSeconds:N1} s / {emailed} of {reps} / {wall.Elapsed.TotalSeconds:N1} s ({perSecond:N1} per s)")));
    rows.Add((name, $"{reps} at once: processor time until the last email, in cores", spent));
    rows.Add((name, $"{reps} at once: host processor time per submission", FormattableString.Invariant($"{cpu.Spent("host").TotalMilliseconds / reps:N0} ms")));
    // The calls go on after the last email (the engine's first episodes): counted until the host is quiet, idle polling taken out.
    if (storageCalls is null) return perSecond;
    await QuietAsync(host);
    // The engine's first episodes and the figures go on after the last email: the host's whole share, idle taken out.
    var untilQuiet = cpu.Spent("host") - idleHostCpu * wall.Elapsed.TotalSeconds;
    rows.Add((name, $"{reps} at once: host processor time per submission, until the host is quiet (net of {idleHostCpu.TotalMilliseconds:N0} ms idle per s)",
        FormattableString.Invariant($"{untilQuiet.TotalMilliseconds / reps:N0} ms")));
    var calls = storageCalls.Calls - callsBefore - idlePerSecond * wall.Elapsed.TotalSeconds;
    Console.Error.WriteLine($"  {reps} at once: storage calls per submission by kind (idle polling included):");
    foreach (var (kind, count) in storageCalls.ByKind.Select(k => (k.Key, k.Value - kindsBefore!.GetValueOrDefault(k.Key))).Where(k => k.Item2 > 0).OrderByDescending(k => k.Item2))
    {
        Console.Error.WriteLine(FormattableString.Invariant($"    {(double)count / reps,6:N2}  {kind}"));
    }
    var floor = TimeSpan.FromSeconds(calls / capacity);
    rows.Add((name, $"{reps} at once: storage calls per submission, until the host is quiet (net of {idlePerSecond:N1} idle calls per s)",
        FormattableString.Invariant($"{calls / reps:N1}")));
    rows.Add((name, $"{reps} at once: the floor, {reps} × calls per submission ÷ raw capacity; POST p95 and owner email p95 against it",
        FormattableString.Invariant($"{floor.TotalMilliseconds:N0} ms; {Stats.Percentile(burst.Select(b => b.PostMs).ToList(), 95) / floor.TotalMilliseconds:N2}× and {Stats.Percentile(EmailMs(outbox, burst), 95) / floor.TotalMilliseconds:N2}×")));
    return perSecond;
}

// The program grows while one host runs: park a few open requests and measure, then park up to N and measure again, and
// watch the processor time host and Azurite spend while the parked requests only wait on their timers.
Task OpenScenarioAsync(int small, int open, int accounts)
{
    var name = $"open requests ({accounts:N0} accounts, {accounts * contactsPerAccount:N0} contacts)";
    return InOwnHostAsync($"{name}, {small:N0} then {open:N0} open", demoData: false, async (host, prefix, outbox) =>
    {
        using var pm = Client(host, "dev-pm");
        using var rep = Client(host, "dev-rep");
        using var rep2 = Client(host, "dev-rep2");
        await ImportAsync(pm, name, accounts);
        var parked = new List<string>();
        var throughput = new List<double>();
        // Each level's measured submissions ask for Healthcare prospects in a country of their own: the holds of the level
        // before stay (those requests stay open too), and a ranking looks past only a few held contacts.
        string[] countries = ["FR", "DE"];
        foreach (var (level, index) in new[] { small, open }.Select((l, i) => (l, i)))
        {
            var label = $"{level:N0} open";
            var watch = Stopwatch.StartNew();
            var before = parked.Count;
            parked.AddRange(await OpenRequests.ParkAsync([rep, rep2], prefix, parked.Count, level, concurrency: parkConcurrency));
            var parking = watch.Elapsed;
            var held = await WaitForAsync(outbox, parked, TimeSpan.FromMinutes(2));
            rows.Add((label, $"parked through the API, {parkConcurrency} at a time: {parked.Count - before:N0} more",
                FormattableString.Invariant($"{parking.TotalSeconds:N0} s ({(parked.Count - before) / parking.TotalSeconds:N1} per s); owner emails written for {held:N0} of {parked.Count:N0} parked")));
            // The engine runs each parked request's first episode after its submission answered: measure once it has caught up.
            rows.Add((label, "host quiet (under 0.1 core over 5 s) after parking", await QuietAsync(host)));
            rows.Add((label, "storage: a receive on an empty queue, 50 one at a time (mean)",
                FormattableString.Invariant($"{await QueueProbe.EmptyReceiveMsAsync(connection, prefix):N1} ms")));
            var country = countries[index];
            throughput.Add(await MeasureSubmitsAsync(label + $" (+ those measured before; Healthcare/{country})", host, rep, rep2, outbox, prefix + country,
                crmId => WithCountry(Samples.Intake(crmId), country)));
            rows.Add((label, "host quiet (under 0.1 core over 5 s) after the burst", await QuietAsync(host))); // its first episodes run late too
            var idle = new CpuMeter([("Azurite", CpuMeter.Azurite(connection)), ("host", [host.Process])]);
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            rows.Add((label, $"idle for {idleSeconds} s, requests parked on their timers: processor time, in cores", idle.Report()));
        }
        rows.Add(("ratio", $"burst throughput with {open:N0} open ÷ with {small:N0} open (goal ≥ 0.8)", FormattableString.Invariant($"{throughput[1] / throughput[0]:N2}")));
    });
}

// The directory right after a change: the first page after an import and after each edit, against the pages after it.
// The host has served the directory once before the import, as a running host has (the import reads it too).
Task DirectoryAfterImportAsync(int accounts)
{
    var name = $"directory after a change ({accounts:N0} accounts, {accounts * contactsPerAccount:N0} contacts)";
    return InOwnHostAsync(name, demoData: false, async (host, prefix, _) =>
    {
        using var pm = Client(host, "dev-pm");
        using var rep = Client(host, "dev-rep");
        Task<HttpResponseMessage> FirstPage() => pm.GetAsync("/api/references?pageSize=50");
        rows.Add((name, "first directory page before the import (the empty directory)", await OnceAsync(FirstPage)));
        await ImportAsync(pm, name, accounts);
        rows.Add((name, "**first directory page after the import**", await OnceAsync(FirstPage)));
        rows.Add((name, "directory page after it, 50 reads (p50 / p95 / max)", Stats.Summary(await HostBench.TimedAsync(50, FirstPage))));
        var put = new List<double>();
        var afterEdit = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            // Each edit renames an imported account so that it comes first: the page shows whether the edit is seen.
            var id = $"acc{i}";
            var body = Samples.Reference();
            body["account"] = FormattableString.Invariant($"AAA edited {edits - i:D4}");
            put.AddRange(await HostBench.TimedAsync(1, () => pm.PutAsJsonAsync($"/api/references/{id}", body)));
            var watch = Stopwatch.StartNew();
            var page = (await pm.GetFromJsonAsync<JsonArray>("/api/references?pageSize=50"))!;
            afterEdit.Add(watch.Elapsed.TotalMilliseconds);
            if (afterEdit[^1] > 200) Console.Error.WriteLine(FormattableString.Invariant($"  first page after edit {i + 1}: {afterEdit[^1]:N0} ms"));
            if ((string?)page[0]!["referenceId"] != id) throw new InvalidOperationException($"The first page after editing {id} does not show the edit.");
        }
        rows.Add((name, $"edit one account (PUT), {edits} one at a time (p50 / p95 / max)", Stats.Summary(put)));
        rows.Add((name, $"**first directory page after each edit**, {edits} (p50 / p95 / max)", Stats.Summary(afterEdit)));
        rows.Add((name, "directory page after the last edit, 50 reads (p50 / p95 / max)", Stats.Summary(await HostBench.TimedAsync(50, FirstPage))));
        // Matching ranks over the same directory: the first submission after an edit pays for what the change costs it.
        rows.Add((name, "single submit POST right after the last edit", await OnceAsync(() => rep.PostAsJsonAsync("/api/requests", Samples.Intake($"OPP-AFTER-EDIT-{prefix}")))));
    });
}

static async Task<string> OnceAsync(Func<Task<HttpResponseMessage>> call) =>
    FormattableString.Invariant($"{(await HostBench.TimedAsync(1, call))[0]:N0} ms");

// Waits (at most 10 minutes) until the host spends under 0.1 of a core over 5 s; says how long that took.
static async Task<string> QuietAsync(HostProcess host)
{
    var settling = Stopwatch.StartNew();
    while (settling.Elapsed < TimeSpan.FromMinutes(10))
    {
        var quiet = new CpuMeter([("host", [host.Process])]);
        await Task.Delay(TimeSpan.FromSeconds(5));
        if (quiet.Spent("host") < TimeSpan.FromSeconds(0.5)) break;
    }
    return FormattableString.Invariant($"{settling.Elapsed.TotalSeconds:N0} s");
}

static JsonObject InIndustry(JsonObject intake, string industry)
{
    ((JsonObject)intake["prospect"]!)["industry"] = industry;
    return intake;
}

static JsonObject WithCountry(JsonObject intake, string country)
{
    ((JsonObject)intake["prospect"]!)["country"] = country;
    return intake;
}

// The big directory arrives as a program manager would bring it: one CSV file through the API, imported in the background.
async Task ImportAsync(HttpClient pm, string name, int accounts)
{
    var csv = new System.Text.StringBuilder(
        "referenceId,account,industry,employees,annualRevenueUsd,country,products,useCases,migratedFrom,ownerEmail,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities,topics,maxCallsPerQuarter,consentExpires\n");
    var lines = 0;
    foreach (var a in SyntheticProgram.Directory(accounts, new Random(2027), contactsPerAccount))
    {
        foreach (var c in a.Contacts)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{a.ReferenceId},{a.Account},{a.Industry},{a.Employees},{a.AnnualRevenueUsd},{a.Country},{string.Join(';', a.Products)},{string.Join(';', a.UseCases)},,jane.csm@demo.local,Active,");
            csv.Append(CultureInfo.InvariantCulture,
                $"{c.ContactId},{c.Name},{c.Email},{c.Title},{c.Seniority},{c.Persona},{c.TimeZone},{string.Join(';', c.Languages)},{string.Join(';', c.Activities)},{string.Join(';', c.Topics)},{c.MaxCallsPerQuarter},2030-01-31\n");
            lines++;
        }
    }
    for (var i = 0; i < 10; i++, lines++) csv.Append(CultureInfo.InvariantCulture, $"bad{i},Nowhere {i},Retail,10,1000,XX,Analytics Cloud,,,jane.csm@demo.local,Active,c0,Nobody,nobody@bad{i}.example,CTO,CLevel,Technical,Europe/London,en,Call,ROI,1,2030-01-31\n");
    var body = csv.ToString();
    var watch = Stopwatch.StartNew();
    using var response = await pm.PostAsync("/api/references/import", new StringContent(body, System.Text.Encoding.UTF8, "text/csv"));
    var answered = watch.Elapsed;
    if (response.StatusCode == System.Net.HttpStatusCode.OK)
    {
        // A file small enough to finish at once is answered with its report.
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        rows.Add((name, $"CSV import of {lines:N0} lines ({body.Length / 1024.0 / 1024:N1} MB): answered done (200)", FormattableString.Invariant($"{answered.TotalSeconds:N1} s")));
        rows.Add((name, "import: created, rejected lines reported", $"{(int)report["created"]!:N0}, {report["rejected"]!.AsArray().Count}"));
        return;
    }
    if (response.StatusCode != System.Net.HttpStatusCode.Accepted) throw new InvalidOperationException($"The import answered {(int)response.StatusCode}.");
    var location = response.Headers.Location!.OriginalString;
    JsonObject job;
    var polls = 0;
    do
    {
        await Task.Delay(500);
        job = (await pm.GetFromJsonAsync<JsonObject>(location))!;
        if (++polls % 10 == 0) Console.Error.WriteLine($"  import: {(int)job["rowsRead"]!:N0} of {(int)job["rowsTotal"]!:N0} lines");
    }
    while ((string?)job["state"] != "Done" && watch.Elapsed < TimeSpan.FromMinutes(15));
    rows.Add((name, $"CSV import of {lines:N0} lines ({body.Length / 1024.0 / 1024:N1} MB): 202 answered / done",
        FormattableString.Invariant($"{answered.TotalSeconds:N1} s / {watch.Elapsed.TotalSeconds:N1} s ({lines / watch.Elapsed.TotalSeconds:N0} lines per s)")));
    rows.Add((name, "import: state, created, rejected lines reported",
        $"{(string?)job["state"]}, {(int)job["created"]!:N0}, {(int)job["rejectedCount"]!}"));
}

static HttpClient Client(HostProcess host, string key)
{
    var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
    client.DefaultRequestHeaders.Add("X-Api-Key", key);
    return client;
}

static async Task<(string Id, DateTimeOffset Sent, double PostMs)> SubmitAsync(HttpClient client, JsonObject intake)
{
    var sent = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    using var response = await client.PostAsJsonAsync("/api/requests", intake);
    var ms = watch.Elapsed.TotalMilliseconds;
    response.EnsureSuccessStatusCode();
    return ((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!, sent, ms);
}

static List<double> EmailMs(Outbox outbox, IEnumerable<(string Id, DateTimeOffset Sent, double PostMs)> sent) =>
    sent.Select(s => outbox.WrittenAt(s.Id, "OwnerApproval") is { } at ? (at - s.Sent).TotalMilliseconds : double.NaN)
        .Where(ms => !double.IsNaN(ms)).ToList();

static async Task<int> WaitForAsync(Outbox outbox, IReadOnlyList<string> ids, TimeSpan timeout)
{
    var deadline = DateTime.UtcNow + timeout;
    while (!outbox.HasAll(ids, "OwnerApproval") && DateTime.UtcNow < deadline) await Task.Delay(50);
    return ids.Count(id => outbox.WrittenAt(id, "OwnerApproval") is not null);
}

async Task CleanUpAsync(string prefix, string outboxPath)
{
    await foreach (var t in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
    {
        await tables.DeleteTableAsync(t.Name);
    }
    Directory.Delete(outboxPath, recursive: true);
}
