using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.WorkflowBench;

// Legs 4 and 5: timers, and one instance on its own.
internal sealed partial class Legs
{
    /// <summary>Leg 4: requests with a short owner-reminder timer; lateness = the OwnerReminded event's At − the timer's DueAt.</summary>
    public async Task TimersAsync()
    {
        if (o.Timers == 0) return;
        // A request keeps the policy its submission was decided under (RequestSubmitted.Policy), and the handler decides a
        // submission under its own: a handler and a service with short timers submit these, the engine's handler decides the rest.
        var policy = _policy with { OwnerReminderAfter = TimeSpan.FromSeconds(o.ReminderSeconds), UseBusinessHours = false };
        var handler = ActivatorUtilities.CreateInstance<RequestCommandHandler>(services, policy);
        var workflow = ActivatorUtilities.CreateInstance<RequestWorkflow>(services, handler);
        var deadline = DateTime.UtcNow + o.Timeout;
        var results = await Task.WhenAll(Enumerable.Range(0, o.Timers).Select(_ => ExplainedAsync(async id =>
        {
            var command = directory.Submission(policy) with { RequestId = id };
            await workflow.SubmitAsync(command, CancellationToken.None);
            using var bench = HttpCounter.As(HttpCounter.Bench);
            RequestSnapshot? asked;
            while ((asked = await workflow.LoadAsync(command.RequestId, CancellationToken.None)) is not { Version: >= 2 })
                await PauseAsync(deadline, $"request {command.RequestId} to ask its owner", 250);
            if (asked.State.Policy?.OwnerReminderAfter != policy.OwnerReminderAfter) throw new InvalidOperationException($"Request {command.RequestId} did not keep the short policy it was submitted under.");
            var due = asked.State.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerReminder).DueAt;
            HistoryEntry? reminded;
            while ((reminded = (await workflow.ReadHistoryAsync(command.RequestId, CancellationToken.None)).FirstOrDefault(h => h.Event is OwnerReminded)) is null)
                await PauseAsync(deadline, $"request {command.RequestId}'s owner reminder", 250);
            return (Id: command.RequestId, Due: due, Recorded: reminded.At);
        })));
        await UntilAsync("the owner reminder emails", () => outbox.HasAll(results.Select(r => r.Id), nameof(EmailKind.OwnerReminder)), Task.CompletedTask);
        const string leg = "4. timer lateness";
        report.Add(leg, "timers", $"{o.Timers} owner reminders due {o.ReminderSeconds} s after the owner was asked; MaxQueuePollingInterval {o.PollMs} ms");
        var recorded = results.Select(r => (r.Recorded - r.Due).TotalMilliseconds).ToArray();
        var emailed = results.Select(r => (outbox.WrittenAt(r.Id, nameof(EmailKind.OwnerReminder))!.Value - r.Due).TotalMilliseconds).ToArray();
        report.Add(leg, "OwnerReminded At − DueAt (p50 / max)", $"{Report.F(Median(recorded), "0")} / {Report.F(recorded.Max(), "0")} ms");
        report.Add(leg, "reminder email written − DueAt (p50 / max)", $"{Report.F(Median(emailed), "0")} / {Report.F(emailed.Max(), "0")} ms");
    }

    /// <summary>
    /// Leg 5, one instance alone (what Durable Functions' per-instance targets describe): requests one at a time,
    /// then bursts of commands to one request (answers from people who may not decide: each is recorded, one decision each).
    /// </summary>
    public async Task OneInstanceAsync(double idlePerSecond)
    {
        const string leg = "5. one instance";
        var solo = new List<(string Id, double Ms)>();
        for (var i = 0; i < o.Solo; i++)
        {
            solo.Add(await SubmitAndWaitAsync());
        }
        report.Add(leg, $"one request at a time: submit → owner email (p50 / p95 / max, {o.Solo} requests)", Report.Spread([.. solo.Select(s => s.Ms)]));
        await SettleAsync("the lone requests");
        // A burst of 10 first, for scale, when --burst asks for more.
        var bursts = o.Burst > 10 ? new[] { (10, solo[0].Id), (o.Burst, solo[1].Id) } : [(o.Burst, solo[0].Id)];
        foreach (var (burst, id) in bursts)
        {
            await BurstAsync(leg, burst, id, idlePerSecond);
        }
    }

    private async Task BurstAsync(string leg, int burst, string id, double idlePerSecond)
    {
        RequestState asked;
        using (HttpCounter.As(HttpCounter.Bench)) asked = (await _workflow.LoadAsync(id, CancellationToken.None))!.State;
        var before = http.Now;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, burst).Select(i => Task.Run(async () =>
        {
            using var caller = HttpCounter.As(HttpCounter.Caller);
            await _workflow.SendAsync(id, new DecideAsOwner(asked.Step!, $"someone{i}@elsewhere.example", true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        })));
        var deadline = DateTime.UtcNow + o.Timeout;
        using (HttpCounter.As(HttpCounter.Bench))
        {
            while ((await _workflow.LoadAsync(id, CancellationToken.None))!.State.LateAnswers < burst)
                await PauseAsync(deadline, $"{burst} commands to request {id}", 100);
        }
        var elapsed = wall.Elapsed;
        await SettleAsync($"the engine after {burst} commands to one request");
        var counted = (http.Now - before).Workflow;
        report.AddBreakdown($"{burst} to one, per command", counted, burst);
        report.Add(leg, $"{burst} commands at once to one request: all recorded",
            $"**{Report.F(burst / elapsed.TotalSeconds)} commands/s** for that instance ({Report.F(elapsed.TotalSeconds, "0.00")} s); storage HTTP requests per command " +
            PerUnit(counted, burst, idlePerSecond * wall.Elapsed.TotalSeconds));
    }

    private async Task<(string Id, double Ms)> SubmitAndWaitAsync()
    {
        var command = directory.Submission(_policy);
        var started = DateTimeOffset.UtcNow;
        using (HttpCounter.As(HttpCounter.Caller)) await _workflow.SubmitAsync(command, CancellationToken.None);
        await ExplainedAsync(id => UntilAsync("a lone request's owner email", () => outbox.HasAll([id], nameof(EmailKind.OwnerApproval)), Task.CompletedTask),
            command.RequestId);
        return (command.RequestId, (outbox.WrittenAt(command.RequestId, nameof(EmailKind.OwnerApproval))!.Value - started).TotalMilliseconds);
    }

    /// <summary>Waits on one request (a new id when none is given); a wait in vain says where the request stands.</summary>
    private async Task<T> ExplainedAsync<T>(Func<string, Task<T>> wait, string? requestId = null)
    {
        var id = requestId ?? Guid.NewGuid().ToString("N");
        try
        {
            return await wait(id);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} {await DescribeAsync(id)}", e);
        }
    }

    private async Task ExplainedAsync(Func<string, Task> wait, string requestId) =>
        await ExplainedAsync(async id => { await wait(id); return true; }, requestId);

    /// <summary>Where a request stands, for a leg that waited in vain.</summary>
    private async Task<string> DescribeAsync(string id)
    {
        using var bench = HttpCounter.As(HttpCounter.Bench);
        var history = await _workflow.ReadHistoryAsync(id, CancellationToken.None);
        var state = (await _workflow.LoadAsync(id, CancellationToken.None))?.State;
        var due = string.Join(", ", state?.PendingTimers.Select(t => $"{t.Kind} due {t.DueAt:yyyy-MM-dd HH:mm:ss.fff}") ?? []);
        var instance = await services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id, getInputsAndOutputs: true);
        return $"Request {id} is {state?.Status.ToString() ?? "not recorded"} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}; its history: " +
            $"{string.Join(", ", history.Select(h => $"{h.Type} at {h.At:HH:mm:ss.fff}"))}; timers: {(due.Length > 0 ? due : "none")}; " +
            $"its orchestration: {instance?.RuntimeStatus.ToString() ?? "none"}, created {instance?.CreatedAt:HH:mm:ss.fff}, " +
            $"last updated {instance?.LastUpdatedAt:HH:mm:ss.fff}, input {instance?.SerializedInput}.";
    }
}
