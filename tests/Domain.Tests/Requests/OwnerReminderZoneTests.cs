using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>
/// Staff have no zone of their own in the directory yet: the owner's reminder names its deadline in the program's business
/// zone, the one the request was submitted under, never in a bare "UTC".
/// </summary>
public sealed class OwnerReminderZoneTests
{
    [Fact]
    public void TheOwnersReminderNamesItsDeadlineInTheProgramsBusinessZone()
    {
        var decider = new RequestDecider(new WorkflowPolicy { BusinessTimeZone = "America/New_York" });
        var state = Fold(decider, RequestState.Initial, decider.Decide(Scenario.Submit(), RequestState.Initial));
        var reminder = state.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerReminder);

        var events = decider.Decide(new TimerElapsed(reminder, reminder.DueAt), state);

        var after = Fold(decider, state, events);
        var mail = events.SelectMany(e => decider.Effects(e, after)).OfType<SendEmail>().Single().Email;
        var timeout = after.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerApprovalTimeout).DueAt;
        var deadline = TimeWords.When(timeout, TimeWords.Zone("America/New_York", null));
        Assert.EndsWith("New York time", deadline, StringComparison.Ordinal);
        Assert.Contains($"This is still waiting on you. Without an answer by {deadline} the request moves on to another reference.", mail.Paragraphs);
        Assert.DoesNotContain(mail.Paragraphs, p => p.Contains("UTC", StringComparison.Ordinal));
    }

    private static RequestState Fold(RequestDecider decider, RequestState state, IEnumerable<RequestEvent> events) => events.Aggregate(state, decider.Evolve);
}
