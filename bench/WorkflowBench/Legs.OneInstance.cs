using System.Diagnostics;
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
        // The policy travels with each request (RequestRun), so a second service with short timers shares the engine.
        var policy = _policy with { OwnerReminderAfter = TimeSpan.FromSeconds(o.ReminderSeconds), UseBusinessHours = false };
        var workflow = ActivatorUtilities.CreateInstance<RequestWorkflow>(services, policy);
        var deadline = DateTime.UtcNow + o.Timeout;
        var results = await Task.WhenAll(Enumerable.Range(0, o.Timers).Select(async _ =>
        {
            var command = Submission(policy);
            await workflow.SubmitAsync(command, CancellationToken.None);
            RequestSnapshot? asked;
            while ((asked = await workflow.LoadAsync(command.RequestId, CancellationToken.None)) is not { Version: >= 2 })
                await PauseAsync(deadline, $"request {command.RequestId} to ask its owner", 250);
            var due = asked.State.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerReminder).DueAt;
            HistoryEntry? reminded;
            while ((reminded = (await workflow.ReadHistoryAsync(command.RequestId, CancellationToken.None)).FirstOrDefault(h => h.Event is OwnerReminded)) is null)
                await PauseAsync(deadline, $"request {command.RequestId}'s owner reminder", 250);
            return (Id: command.RequestId, Due: due, Recorded: reminded.At);
        }));
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
        for (var i = 0; i < 10; i++)
        {
            solo.Add(await SubmitAndWaitAsync());
        }
        report.Add(leg, "one request at a time: submit → owner email (p50 / p95 / max, 10 requests)", Report.Spread([.. solo.Select(s => s.Ms)]));
        foreach (var (burst, id) in new[] { (10, solo[0].Id), (o.Burst, solo[1].Id) })
        {
            var asked = (await _workflow.LoadAsync(id, CancellationToken.None))!.State;
            var before = http.Now;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, burst).Select(i => _workflow.SendAsync(id,
                new DecideAsOwner(asked.Step!, $"someone{i}@elsewhere.example", true, null, DateTimeOffset.UtcNow), CancellationToken.None)));
            var polls = 0;
            var deadline = DateTime.UtcNow + o.Timeout;
            while ((await _workflow.LoadAsync(id, CancellationToken.None))!.State.LateAnswers < burst)
            {
                polls++;
                await PauseAsync(deadline, $"{burst} commands to request {id}", 100);
            }
            var elapsed = wall.Elapsed;
            var counted = http.Now - before;
            var net = counted.Storage - polls - 1 - (idlePerSecond * elapsed.TotalSeconds);
            report.AddBreakdown($"{burst} to one, per command", counted, burst);
            report.Add(leg, $"{burst} commands at once to one request: all recorded",
                $"**{Report.F(burst / elapsed.TotalSeconds)} commands/s** for that instance ({Report.F(elapsed.TotalSeconds, "0.00")} s); " +
                $"{Report.F(net / burst)} storage HTTP requests per command net of idle and of the bench's polling");
        }
    }

    private async Task<(string Id, double Ms)> SubmitAndWaitAsync()
    {
        var command = Submission(_policy);
        var started = DateTimeOffset.UtcNow;
        await _workflow.SubmitAsync(command, CancellationToken.None);
        await UntilAsync("a lone request's owner email", () => outbox.HasAll([command.RequestId], nameof(EmailKind.OwnerApproval)), Task.CompletedTask);
        return (command.RequestId, (outbox.WrittenAt(command.RequestId, nameof(EmailKind.OwnerApproval))!.Value - started).TotalMilliseconds);
    }
}
