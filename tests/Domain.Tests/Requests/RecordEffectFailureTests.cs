using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class RecordEffectFailureTests : DeciderSpec
{
    [Fact]
    public void FailureIsRecordedWithoutATransition()
    {
        Given(AwaitingOwnerApproval());
        var failure = new EffectFailure("req-1:3:0", "SendEmail", "550 mailbox unavailable", 5);

        var events = When(Decider.EffectFailed(failure, T(1)));

        Assert.IsType<EffectFailureRecorded>(Assert.Single(events));
        var state = After(events);
        Assert.Equal([failure], state.Failures);
        Assert.Equal(State.Status, state.Status);
        Assert.Equal("An email failed after 5 attempts: 550 mailbox unavailable", RequestEventText.Describe(events[0]));
    }

    [Fact]
    public void FailureOnAFinishedRequestIsStillRecorded()
    {
        Given(Closed());

        Assert.IsType<EffectFailureRecorded>(Assert.Single(When(new RecordEffectFailure(new EffectFailure("x", "FindSlot", "boom", 5), T(50)))));
    }
}
