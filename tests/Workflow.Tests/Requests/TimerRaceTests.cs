using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>Commands that arrive while a timer's decision is being applied are decided after it, none dropped.</summary>
public sealed class TimerRaceTests(TimerRaceTests.ShortReminders host) : IClassFixture<TimerRaceTests.ShortReminders>
{
    public sealed class ShortReminders() : WorkflowHost(new()
    {
        ["ReferenceFlow:Policy:UseBusinessHours"] = "false",
        ["ReferenceFlow:Policy:OwnerReminderAfter"] = "00:00:02",
        ["ReferenceFlow:Policy:OwnerEscalateAfter"] = "00:00:04",
    });

    [Fact]
    public async Task AnswersArrivingAroundTheRemindersAreAllRecorded()
    {
        var id = await host.SubmitAsync();
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;

        // Answers from people who may not decide, one every 80 ms for five seconds, across both timers.
        const int answers = 60;
        for (var i = 0; i < answers; i++)
        {
            await host.Workflow.SendAsync(id,
                new DecideAsOwner(asked.Step!, $"someone{i}@elsewhere.example", true, null, DateTimeOffset.UtcNow), CancellationToken.None);
            await Task.Delay(80);
        }

        var done = await host.WaitAsync(id, s => s.State.LateAnswers == answers && s.State.PendingTimers.All(t => t.Kind == TimerKinds.OwnerApprovalTimeout),
            TimeSpan.FromSeconds(60));
        var history = await host.HistoryAsync(id);
        Assert.Single(history, h => h.Event is OwnerReminded);
        Assert.Single(history, h => h.Event is OwnerEscalated);
        Assert.Equal(answers, history.Count(h => h.Event is LateAnswerRecorded));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(history.Count, done.Version);
    }
}
