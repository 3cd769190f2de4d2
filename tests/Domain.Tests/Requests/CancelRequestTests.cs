using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
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
        // Whoever was being asked hears it is off: the owner while asked, the reference once they were; nobody after the call.
        var mail = Decider.Effects(events[0], state).OfType<SendEmail>().Select(m => m.Email).SingleOrDefault();
        var expected = from switch
        {
            "AwaitingOwnerApproval" => state.Current!.Account.OwnerEmail,
            "Completed" => null,
            _ => state.Current!.Contact.Email,
        };
        Assert.Equal(expected, mail?.To.Single().Email);
        if (mail is not null)
        {
            Assert.Equal(ReferenceFlow.Domain.Messages.EmailKind.Withdrawn, mail.Kind);
            // The rep's reason is for the owner, never for a customer.
            Assert.Equal(from == "AwaitingOwnerApproval", mail.Paragraphs.Any(p => p.Contains("deal paused", StringComparison.Ordinal)));
        }
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
