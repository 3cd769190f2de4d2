using ReferenceFlow.Domain.Requests;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>"Open" and "needs attention" are said once, here; pages, the API and the read models use these.</summary>
public sealed class RequestMeaningTests : DeciderSpec
{
    [Theory]
    [InlineData(RequestStatus.AwaitingOwnerApproval, true)]
    [InlineData(RequestStatus.Introduced, true)]
    [InlineData(RequestStatus.Completed, true)] // the loop is still to close with the deal's outcome
    [InlineData(RequestStatus.Closed, false)]
    [InlineData(RequestStatus.Deferred, false)]
    [InlineData(RequestStatus.Unfulfilled, false)]
    [InlineData(RequestStatus.Cancelled, false)]
    public void OpenMeansWorkIsStillAhead(RequestStatus status, bool open) => Assert.Equal(open, status.IsOpen());

    [Fact]
    public void ARequestIsOpenExactlyWhenItsStatusIs()
    {
        foreach (var history in new[] { AwaitingOwnerApproval(), Introduced(), Completed(), Closed(), Cancelled(), Deferred(), Unfulfilled() })
        {
            var state = Fold(history);
            Assert.Equal(state.Status.IsOpen(), state.IsOpen);
        }
    }

    [Fact]
    public void ASilentOwnerNeedsAttentionOnceTheWorkflowEscalatedNotBefore()
    {
        Given(AwaitingOwnerApproval());
        Assert.False(State.NeedsAttention);

        var escalation = State.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerEscalation);
        var escalated = After(When(new TimerElapsed(escalation, escalation.DueAt)));

        Assert.True(escalated.NeedsAttention);
        // The next owner's ask starts afresh.
        var next = Fold(Then([.. AwaitingOwnerApproval(), .. When(new TimerElapsed(escalation, escalation.DueAt))],
            s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, false, null, escalation.DueAt.AddHours(1))));
        Assert.Equal(1, next.CurrentIndex);
        Assert.False(next.NeedsAttention);
    }

    [Fact]
    public void UnfulfilledNeedsAttentionAndAClosedRequestDoesNot()
    {
        Assert.True(Fold(Unfulfilled()).NeedsAttention);
        Assert.False(Fold(Closed()).NeedsAttention);
    }
}
