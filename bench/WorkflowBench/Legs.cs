using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The measured legs. Completion is read from the pickup directory (no storage call), the bench's own reads are counted
/// apart, and a leg is counted until the engine has settled after its last email, so the HTTP requests of a leg are
/// the request service's (in the caller and in the engine's activities) and the engine's, plus its idle polling.
/// </summary>
internal sealed partial class Legs(IServiceProvider services, BenchOptions o, BenchDirectory directory, Outbox outbox, HttpCounter http, Report report)
{
    private readonly RequestWorkflow _workflow = services.GetRequiredService<RequestWorkflow>();
    private readonly WorkflowPolicy _policy = services.GetRequiredService<WorkflowPolicy>();
    private TimeSpan _cpu;

    /// <summary>Storage HTTP requests per second while nothing is asked of the engine.</summary>
    public async Task<double> IdleAsync(TimeSpan window)
    {
        var before = http.Now;
        await Task.Delay(window);
        var counted = (http.Now - before).Workflow;
        var perSecond = counted.Storage / window.TotalSeconds;
        report.Add("engine idle", $"storage HTTP requests/s over {window.TotalSeconds:0} s",
            $"{Report.F(perSecond)} (blob {counted.Service("blob")}, queue {counted.Service("queue")}, table {counted.Service("table")})");
        report.AddBreakdown("idle, per s", counted, window.TotalSeconds);
        return perSecond;
    }

    /// <summary>One request end to end before anything is measured (JIT, connections, partition leases, the directory read).</summary>
    public async Task WarmUpAsync()
    {
        await SubmitAndWaitAsync();
        await SettleAsync("the warm-up request");
    }

    /// <summary>Leg 2: every request submitted at once; done when its owner-approval email is written.</summary>
    public async Task<IReadOnlyList<RequestSnapshot>> FirstLegAsync(double idlePerSecond)
    {
        var commands = Enumerable.Range(0, o.Requests).Select(_ => directory.Submission(_policy)).ToArray();
        var ids = commands.Select(c => c.RequestId).ToArray();
        var measured = await MeasureAsync(ids, nameof(EmailKind.OwnerApproval), async i =>
        {
            var submission = await _workflow.SubmitAsync(commands[i], CancellationToken.None);
            if (!submission.Created) throw new InvalidOperationException($"Request {ids[i]} was not created.");
        });
        Throughput("2. first leg: submit → owner email", "requests", ids, measured, idlePerSecond, nameof(EmailKind.OwnerApproval));
        return await ExpectAsync(ids, RequestStatus.AwaitingOwnerApproval);
    }

    /// <summary>Leg 3: each waiting request gets its owner's approval at once; done when the consent email is written.</summary>
    public async Task CommandsAsync(IReadOnlyList<RequestSnapshot> waiting, double idlePerSecond)
    {
        var ids = waiting.Select(w => w.RequestId).ToArray();
        var measured = await MeasureAsync(ids, nameof(EmailKind.ReferenceConsent), async i =>
        {
            var state = waiting[i].State;
            var approve = new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow);
            if (await _workflow.SendAsync(ids[i], approve, CancellationToken.None) is not CommandOutcome.Accepted)
                throw new InvalidOperationException($"Request {ids[i]} did not accept its owner's approval.");
        });
        Throughput("3. command → effect (owner approves → consent email)", "commands", ids, measured, idlePerSecond, nameof(EmailKind.ReferenceConsent));
        await ExpectAsync(ids, RequestStatus.AwaitingReferenceConsent);
    }

    private sealed record Measured(DateTimeOffset[] Started, double[] ReturnedMs, HttpSnapshot Counted, TimeSpan Counting);

    /// <summary>Sends every one at once as the caller; counts until their emails are written and the engine has settled.</summary>
    private async Task<Measured> MeasureAsync(string[] ids, string kind, Func<int, Task> send)
    {
        var started = new DateTimeOffset[ids.Length];
        var returned = new double[ids.Length];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var before = http.Now;
        var wall = Stopwatch.StartNew();
        var all = Task.WhenAll(ids.Select((_, i) => Task.Run(async () =>
        {
            using var caller = HttpCounter.As(HttpCounter.Caller);
            started[i] = DateTimeOffset.UtcNow;
            var t = Stopwatch.GetTimestamp();
            await send(i);
            returned[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        })));
        await UntilAsync($"{ids.Length} {kind} emails", () => outbox.HasAll(ids, kind), all);
        await all;
        await SettleAsync($"the engine after {ids.Length} {kind} emails");
        var counted = (http.Now - before).Workflow;
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Measured(started, returned, counted, wall.Elapsed);
    }

    private void Throughput(string leg, string what, string[] ids, Measured m, double idlePerSecond, string kind)
    {
        var written = ids.Select(id => outbox.WrittenAt(id, kind)!.Value).ToArray();
        var span = (written.Max() - m.Started.Min()).TotalSeconds;
        var latencies = ids.Select((_, i) => (written[i] - m.Started[i]).TotalMilliseconds).ToArray();
        var one = what[..^1];
        report.Add(leg, $"{what}/s (completed / wall time)", $"**{Report.F(ids.Length / span)}** ({ids.Length} in {Report.F(span, "0.00")} s)");
        report.Add(leg, $"sent → {kind} email written (p50 / p95 / max)", Report.Spread(latencies));
        report.Add(leg, "call returned to the caller (p50 / p95 / max)", Report.Spread(m.ReturnedMs));
        report.Add(leg, $"storage HTTP requests per {one}", PerUnit(m.Counted, ids.Length, idlePerSecond * m.Counting.TotalSeconds));
        report.AddBreakdown($"leg {leg[0]}, per {one}", m.Counted, ids.Length);
        report.Add(leg, $"this process's CPU per {one}",
            $"{Report.F(_cpu.TotalMilliseconds / ids.Length)} ms ({Report.F(100 * _cpu / m.Counting, "0")} % of one core while counted; Azurite's is not included)");
    }

    /// <summary>Storage requests per unit, split by who made them and by service, then net of the idle polling over the time counted.</summary>
    private static string PerUnit(HttpSnapshot counted, int units, double idle)
    {
        string Per(double n) => Report.F(n / units);
        var activities = counted.ByCall.Where(kv => kv.Key.IsStorage && kv.Key.Who.StartsWith(HttpCounter.ActivityPrefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        var elsewhere = counted.StorageBy(HttpCounter.Elsewhere);
        return $"**{Per(counted.Storage)}**: request service in the caller {Per(counted.StorageBy(HttpCounter.Caller))}, " +
            $"in the engine's activities {Per(activities)}, engine {Per(counted.StorageBy(HttpCounter.Engine))}" +
            (elsewhere > 0 ? $", app elsewhere {Per(elsewhere)}" : "") +
            $" (blob {Per(counted.Service("blob"))}, queue {Per(counted.Service("queue"))}, table {Per(counted.Service("table"))}); " +
            $"{Per(Math.Max(0, counted.Storage - idle))} net of idle polling; plus {Per(counted.Grpc)} gRPC calls";
    }

    private async Task<RequestSnapshot[]> ExpectAsync(string[] ids, RequestStatus status)
    {
        using var bench = HttpCounter.As(HttpCounter.Bench);
        var snapshots = await Task.WhenAll(ids.Select(id => _workflow.LoadAsync(id, CancellationToken.None)));
        var wrong = snapshots.Where(s => s?.State.Status != status).ToList();
        return wrong.Count == 0 ? [.. snapshots.OfType<RequestSnapshot>()] : throw new InvalidOperationException(
            $"{wrong.Count} requests are not {status} after their email, e.g. {wrong[0]?.State.Status} at version {wrong[0]?.Version}.");
    }
}
