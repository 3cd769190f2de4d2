using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The measured legs. Completion is read from the pickup directory (no storage call), so the HTTP requests
/// counted during a leg are the engine's and the request service's own, plus the engine's idle polling.
/// </summary>
internal sealed partial class Legs(IServiceProvider services, BenchOptions o, Outbox outbox, HttpCounter http, Report report)
{
    private const string Rep = "rep@demo.local";
    private const string Pm = "pm@demo.local";
    private static readonly List<ReferenceAccount> Accounts =
        [.. Enumerable.Range(0, 40).Select(i => Sample.Account($"acc{i:D2}", employees: 8000 + (i * 250)))];

    private readonly RequestWorkflow _workflow = services.GetRequiredService<RequestWorkflow>();
    private readonly WorkflowPolicy _policy = services.GetRequiredService<WorkflowPolicy>();
    private TimeSpan _cpu;

    /// <summary>Storage HTTP requests per second while nothing is asked of the engine.</summary>
    public async Task<double> IdleAsync(TimeSpan window)
    {
        var before = http.Now;
        await Task.Delay(window);
        var counted = http.Now - before;
        var perSecond = counted.Storage / window.TotalSeconds;
        report.Add("engine idle", $"storage HTTP requests/s over {window.TotalSeconds:0} s",
            $"{Report.F(perSecond)} (blob {counted.Service("blob")}, queue {counted.Service("queue")}, table {counted.Service("table")})");
        report.AddBreakdown("idle, per s", counted, window.TotalSeconds);
        return perSecond;
    }

    /// <summary>One request end to end before anything is measured (JIT, connections, partition leases).</summary>
    public Task WarmUpAsync() => SubmitAndWaitAsync();

    /// <summary>Leg 2: every request submitted at once; done when its owner-approval email is written.</summary>
    public async Task<IReadOnlyList<RequestSnapshot>> FirstLegAsync(double idlePerSecond)
    {
        var commands = Enumerable.Range(0, o.Requests).Select(_ => Submission(_policy)).ToArray();
        var ids = commands.Select(c => c.RequestId).ToArray();
        var (started, returned, counted, wall) = await MeasureAsync(ids, nameof(EmailKind.OwnerApproval), async i =>
        {
            var submission = await _workflow.SubmitAsync(commands[i], CancellationToken.None);
            if (!submission.Created) throw new InvalidOperationException($"Request {ids[i]} was not created.");
        });
        Throughput("2. first leg: submit → owner email", "requests", ids, started, returned, counted, wall, idlePerSecond, nameof(EmailKind.OwnerApproval));
        return await ExpectAsync(ids, RequestStatus.AwaitingOwnerApproval);
    }

    /// <summary>Leg 3: each waiting request gets its owner's approval at once; done when the consent email is written.</summary>
    public async Task CommandsAsync(IReadOnlyList<RequestSnapshot> waiting, double idlePerSecond)
    {
        var ids = waiting.Select(w => w.RequestId).ToArray();
        var (started, returned, counted, wall) = await MeasureAsync(ids, nameof(EmailKind.ReferenceConsent), async i =>
        {
            var state = waiting[i].State;
            var approve = new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow);
            if (await _workflow.SendAsync(ids[i], approve, CancellationToken.None) is not CommandOutcome.Accepted)
                throw new InvalidOperationException($"Request {ids[i]} did not accept its owner's approval.");
        });
        Throughput("3. command → effect (owner approves → consent email)", "commands", ids, started, returned, counted, wall, idlePerSecond, nameof(EmailKind.ReferenceConsent));
        await ExpectAsync(ids, RequestStatus.AwaitingReferenceConsent);
    }

    private async Task<(DateTimeOffset[] Started, double[] ReturnedMs, HttpSnapshot Counted, TimeSpan Wall)> MeasureAsync(
        string[] ids, string kind, Func<int, Task> send)
    {
        var started = new DateTimeOffset[ids.Length];
        var returned = new double[ids.Length];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var before = http.Now;
        var wall = Stopwatch.StartNew();
        var all = Task.WhenAll(ids.Select((_, i) => Task.Run(async () =>
        {
            started[i] = DateTimeOffset.UtcNow;
            var t = Stopwatch.GetTimestamp();
            await send(i);
            returned[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        })));
        await UntilAsync($"{ids.Length} {kind} emails", () => outbox.HasAll(ids, kind), all);
        var counted = http.Now - before;
        var elapsed = wall.Elapsed;
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await all;
        return (started, returned, counted, elapsed);
    }

    private void Throughput(string leg, string what, string[] ids, DateTimeOffset[] started, double[] returned,
        HttpSnapshot counted, TimeSpan wall, double idlePerSecond, string kind)
    {
        var written = ids.Select(id => outbox.WrittenAt(id, kind)!.Value).ToArray();
        var span = (written.Max() - started.Min()).TotalSeconds;
        var latencies = ids.Select((_, i) => (written[i] - started[i]).TotalMilliseconds).ToArray();
        double Per(long n) => (double)n / ids.Length;
        report.Add(leg, $"{what}/s (completed / wall time)", $"**{Report.F(ids.Length / span)}** ({ids.Length} in {Report.F(span, "0.00")} s)");
        report.Add(leg, $"sent → {kind} email written (p50 / p95 / max)", Report.Spread(latencies));
        report.Add(leg, "call returned to the caller (p50 / p95 / max)", Report.Spread(returned));
        report.Add(leg, $"storage HTTP requests per {what[..^1]}",
            $"{Report.F(Per(counted.Storage))} (blob {Report.F(Per(counted.Service("blob")))}, queue {Report.F(Per(counted.Service("queue")))}, table {Report.F(Per(counted.Service("table")))}); " +
            $"{Report.F(Math.Max(0, counted.Storage - (idlePerSecond * wall.TotalSeconds)) / ids.Length)} net of idle polling; {counted.Other} gRPC calls");
        report.AddBreakdown($"leg {leg[0]}, per {what[..^1]}", counted, ids.Length);
        report.Add(leg, $"this process's CPU per {what[..^1]}",
            $"{Report.F(_cpu.TotalMilliseconds / ids.Length)} ms ({Report.F(100 * _cpu / wall, "0")} % of one core over the leg; Azurite's is not included)");
    }

    private async Task<RequestSnapshot[]> ExpectAsync(string[] ids, RequestStatus status)
    {
        var snapshots = await Task.WhenAll(ids.Select(id => _workflow.LoadAsync(id, CancellationToken.None)));
        var wrong = snapshots.Where(s => s?.State.Status != status).ToList();
        return wrong.Count == 0 ? [.. snapshots.OfType<RequestSnapshot>()] : throw new InvalidOperationException(
            $"{wrong.Count} requests are not {status} after their email, e.g. {wrong[0]?.State.Status} at version {wrong[0]?.Version}.");
    }

    private async Task UntilAsync(string what, Func<bool> done, Task work)
    {
        var deadline = DateTime.UtcNow + o.Timeout;
        while (!done())
        {
            if (work.IsFaulted) await work;
            await PauseAsync(deadline, what);
        }
    }

    private async Task PauseAsync(DateTime deadline, string what, int ms = 50)
    {
        if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {o.TimeoutSeconds} s for {what}.");
        await Task.Delay(ms);
    }

    private static double Median(double[] values) => values.Order().ElementAt((values.Length - 1) / 2);

    /// <summary>A real submission: the sample intake and the top three of a slice of the directory, ranked by the matcher.</summary>
    private static SubmitRequest Submission(WorkflowPolicy policy)
    {
        var now = DateTimeOffset.UtcNow;
        var intake = Sample.Intake(neededBy: DateOnly.FromDateTime(now.UtcDateTime.AddDays(30)), closeDate: DateOnly.FromDateTime(now.UtcDateTime.AddDays(60)));
        var slice = Accounts.GetRange(Random.Shared.Next(Accounts.Count - 10), 10);
        var ranked = Matcher.Rank(intake, slice, [], new HashSet<ContactKey>(), now, policy, 3);
        return new SubmitRequest(Guid.NewGuid().ToString("N"), intake, Rep, Pm, ranked, now);
    }
}
