using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>
/// The owner's reminder names its deadline in the owner's own zone, which only the email adapter knows (decision 038):
/// the decider writes a time marker with the program's business zone, the one the request was submitted under, to
/// fall back on, never a bare "UTC".
/// </summary>
public sealed class OwnerReminderZoneTests
{
    [Fact]
    public void TheOwnersReminderMarksItsDeadlineForTheOwnersZoneWithTheProgramsZoneToFallBackOn()
    {
        var decider = new RequestDecider(new WorkflowPolicy { BusinessTimeZone = "America/New_York" });
        var state = Fold(decider, RequestState.Initial, decider.Decide(Scenario.Submit(), RequestState.Initial));
        var reminder = state.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerReminder);

        var events = decider.Decide(new TimerElapsed(reminder, reminder.DueAt), state);

        var after = Fold(decider, state, events);
        var mail = events.SelectMany(e => decider.Effects(e, after)).OfType<SendEmail>().Single().Email;
        var timeout = after.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerApprovalTimeout).DueAt;
        var paragraph = Assert.Single(mail.Paragraphs, p => p.StartsWith("This is still waiting on you.", StringComparison.Ordinal));
        Assert.Equal($"This is still waiting on you. Without an answer by {TimeWords.When(timeout, TimeWords.Zone("America/New_York", null))} the request moves on to another reference.",
            StaffTimes.Fill(paragraph, readerZoneId: null));
        Assert.Contains($"{TimeWords.When(timeout, TimeWords.Zone("Asia/Tokyo", null))} the request", StaffTimes.Fill(paragraph, "Asia/Tokyo"), StringComparison.Ordinal);
    }

    private static RequestState Fold(RequestDecider decider, RequestState state, IEnumerable<RequestEvent> events) => events.Aggregate(state, decider.Evolve);
}
