using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.WorkflowBench;

// dotnet run -c Release --project bench/WorkflowBench -- --requests 200   (bench/README.md explains the figures)
BenchOptions o;
try
{
    o = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (o.IsAzurite && !await ListeningAsync(10002))
{
    Console.Error.WriteLine("Azurite is not listening on 127.0.0.1:10000-10002. Start it from the repository root:\n" +
        "  setsid nohup node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location data/azurite > data/azurite/azurite.log 2>&1 < /dev/null &");
    return 2;
}

var prefix = "b" + Guid.NewGuid().ToString("N")[..8];
var outbox = Directory.CreateTempSubdirectory("rf-bench-outbox-").FullName;
var report = new Report();
var loadAtStart = Report.LoadAverage();
using var http = new HttpCounter(StorageEndpoints.From(o.ConnectionString), prefix);
using var host = BenchHost.Build(o, prefix, outbox);
var failed = false;
var run = System.Diagnostics.Stopwatch.StartNew();
try
{
    Console.WriteLine($"Task hub {prefix}hub, tables {prefix}*, {o.Partitions} partitions, polling ≤ {o.PollMs} ms, {o.Requests} requests; load {loadAtStart}");
    await RawTables.RunAsync(host.Services.GetRequiredService<TableServiceClient>(), prefix + "raw", o.RawOps, http, report);
    // Accounts for every request the run submits: the warm-up, the first leg, the timers and the lone ones.
    var directory = await BenchDirectory.StoreAsync(host.Services.GetRequiredService<IReferenceDirectory>(), 1 + o.Requests + o.Timers + o.Solo);
    Progress($"raw leg done, {directory.Accounts} accounts stored");
    await host.StartAsync();
    await BenchHost.WaitUntilServingAsync(host.Services, o.Timeout);
    var legs = new Legs(host.Services, o, directory, new Outbox(outbox), http, report);
    await legs.WarmUpAsync();
    Progress("engine started, warm-up request done");
    var idle = await legs.IdleAsync(TimeSpan.FromSeconds(o.IdleSeconds));
    var waiting = await legs.FirstLegAsync(idle);
    Progress("first leg done");
    await legs.CommandsAsync(waiting, idle);
    Progress("commands done");
    await legs.TimersAsync();
    Progress("timers done");
    await legs.OneInstanceAsync(idle);
    Progress("one instance done");
}
catch (Exception e) when (e is TimeoutException or InvalidOperationException)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    failed = true;
}
catch (Exception e)
{
    // Anything else (storage or the engine unavailable past the SDK's retries) fails the run too, with the table so far.
    Console.Error.WriteLine($"FAILED: {e}");
    failed = true;
}
finally
{
    report.Add("machine", "load average (1/5/15 min) at start → end", $"{loadAtStart} → {Report.LoadAverage()} ({Environment.ProcessorCount} cores)");
    Console.WriteLine();
    report.Print(Console.Out);
    await host.StopAsync();
    if (!o.Keep)
    {
        await BenchHost.DeleteAsync(host.Services, o.ConnectionString, prefix);
        Directory.Delete(outbox, recursive: true);
    }
    else
    {
        Console.WriteLine($"Kept task hub {prefix}hub, tables {prefix}* and the outbox {outbox}.");
    }
}
return failed ? 1 : 0;

void Progress(string what) => Console.WriteLine($"{what} after {run.Elapsed.TotalSeconds:0.0} s; load {Report.LoadAverage()}");

static async Task<bool> ListeningAsync(int port)
{
    using var probe = new TcpClient();
    try
    {
        await probe.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
        return true;
    }
    catch (Exception e) when (e is SocketException or TimeoutException)
    {
        return false;
    }
}
