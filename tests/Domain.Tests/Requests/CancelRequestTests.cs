using ReferenceFlow.Domain.Requests;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class CancelRequestTests : DeciderSpec
{
    public static TheoryData<string> OpenStates => ["AwaitingOwnerApproval", "AwaitingReferenceConsent", "Scheduling", "Introduced", "AwaitingDebrief", "Completed"];

    public static TheoryData<string> ClosedStates => ["Deferred", "Unfulfilled", "Cancelled", "Closed"];

    private static List<RequestEvent> Reach(string state) => state switch
    {
        "AwaitingOwnerApproval" => AwaitingOwnerApproval(),
        "AwaitingReferenceConsent" => AwaitingReferenceConsent(),
        "Scheduling" => LookingForSlot(),
        "Introduced" => Introduced(),
        "AwaitingDebrief" => AwaitingDebrief(),
        "Completed" => Completed(),
        "Deferred" => Deferred(),
        "Unfulfilled" => Unfulfilled(),
        "Cancelled" => Cancelled(),
        _ => Closed(),
    };

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void AnyOpenRequestCanBeCancelled(string from)
    {
        Given(Reach(from));
        Assert.Equal(from, State.Status.ToString());

        var events = When(new CancelRequest(Rep, "deal paused", T(50)));

        Assert.IsType<RequestCancelled>(Assert.Single(events));
        var state = After(events);
        Assert.Equal(RequestStatus.Cancelled, state.Status);
        Assert.Equal("deal paused", state.Reason);
        Assert.Empty(state.PendingTimers);
        Assert.Empty(Decider.Effects(events[0], state));
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void FinishedRequestCannotBeCancelled(string from)
    {
        Given(Reach(from));
        Assert.Equal(from, State.Status.ToString());

        ThenRefused(new CancelRequest(Rep, null, T(50)), "nothing to cancel");
    }
}
