using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class CancelRequestTests : DeciderSpec
{
    public static TheoryData<string> CancellableStates => ["AwaitingOwnerApproval", "AwaitingReferenceConsent", "Scheduling", "Introduced", "AwaitingDebrief"];

    public static TheoryData<string> FinishedStates => ["Deferred", "Unfulfilled", "Cancelled", "Closed"];

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
    [MemberData(nameof(CancellableStates))]
    public void AnOpenRequestWithItsCallAheadCanBeCancelled(string from)
    {
        Given(Reach(from));
        Assert.Equal(from, State.Status.ToString());
        Assert.True(State.CanBeCancelled);

        var events = When(new CancelRequest(Rep, "deal paused", T(50)));

        Assert.IsType<RequestCancelled>(Assert.Single(events));
        var state = After(events);
        Assert.Equal(RequestStatus.Cancelled, state.Status);
        Assert.Equal("deal paused", state.Reason);
        Assert.Empty(state.PendingTimers);
        // Whoever was being asked hears it is off: the owner while asked, the reference once they were.
        var mail = Decider.Effects(events[0], state).OfType<SendEmail>().Select(m => m.Email).Single();
        var expected = from == "AwaitingOwnerApproval" ? state.Current!.Account.OwnerEmail : state.Current!.Contact.Email;
        Assert.Equal(expected, mail.To.Single().Email);
        Assert.Equal(ReferenceFlow.Domain.Messages.EmailKind.Withdrawn, mail.Kind);
        // The rep's reason is for the owner, never for a customer.
        Assert.Equal(from == "AwaitingOwnerApproval", mail.Paragraphs.Any(p => p.Contains("deal paused", StringComparison.Ordinal)));
    }

    [Fact]
    public void ACompletedRequestIsNotCancellableBecauseItsCallIsBehindIt()
    {
        // Open (the outcome is still to come) but with nothing left to call off: the page offers no Cancel, so the
        // decider refuses one, saying why.
        Given(Completed());
        Assert.True(State.IsOpen);
        Assert.False(State.CanBeCancelled);

        ThenRefused(new CancelRequest(Rep, null, T(50)), "only the deal's outcome is to come");
    }

    [Theory]
    [MemberData(nameof(FinishedStates))]
    public void FinishedRequestCannotBeCancelled(string from)
    {
        Given(Reach(from));
        Assert.Equal(from, State.Status.ToString());
        Assert.False(State.CanBeCancelled);

        ThenRefused(new CancelRequest(Rep, null, T(50)), "nothing to cancel");
    }
}
