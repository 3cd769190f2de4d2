using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>The program manager gives a request more time, until its call is arranged; the rushed flag follows the new date.</summary>
public sealed class ExtendNeededByTests : DeciderSpec
{
    [Fact]
    public void ALaterDateIsRecordedWithWhoMovedItAndNobodyIsEmailed()
    {
        Given(AwaitingOwnerApproval());
        var timers = State.PendingTimers;

        var events = When(new ExtendNeededBy(new DateOnly(2027, 1, 10), Pm, T(3)));

        var extended = Assert.IsType<NeededByExtended>(Assert.Single(events));
        Assert.Equal(new NeededByExtended(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10), Pm, null, WasRushed: false, T(3)), extended);
        var state = After(events);
        Assert.Equal(new DateOnly(2027, 1, 10), state.Intake!.NeededBy);
        Assert.Equal(timers, state.PendingTimers);
        Assert.Empty(Decider.Effects(extended, state));
        Assert.Equal($"Need-by date moved from Sun 20 Dec 2026 to Sun 10 Jan 2027 by {StaffNames.Of(Pm)}", RequestEventText.Describe(extended));
    }

    [Fact]
    public void ARushedRequestGivenEnoughTimeIsNoLongerRushedAndOneStillTooSoonStaysRushed()
    {
        Given(Run(Submit(Sample.Intake(neededBy: new DateOnly(2026, 11, 19)))));
        Assert.True(State.Rushed);

        var stillRushed = When(new ExtendNeededBy(new DateOnly(2026, 11, 20), Pm, T(1)));
        var still = After(stillRushed);
        Assert.True(still.Rushed);
        Assert.Contains("Fri 20 Nov 2026", still.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; still rushed", RequestEventText.Describe(stillRushed[0]), StringComparison.Ordinal);

        var relaxing = When(new ExtendNeededBy(new DateOnly(2026, 12, 1), Pm, T(1)));
        var relaxed = After(relaxing);
        Assert.EndsWith("; no longer rushed", RequestEventText.Describe(relaxing[0]), StringComparison.Ordinal);
        Assert.False(relaxed.Rushed);
        Assert.Null(relaxed.Reason);
        Assert.False(relaxed.NeedsAttention);
    }

    [Fact]
    public void AnEarlierOrEqualDateOrACallAlreadyArrangedIsRefused()
    {
        Given(AwaitingOwnerApproval());
        ThenRefused(new ExtendNeededBy(new DateOnly(2026, 12, 20), Pm, T(3)), "later than the current one");
        ThenRefused(new ExtendNeededBy(new DateOnly(2026, 12, 1), Pm, T(3)), "later than the current one");

        Given(Introduced());
        ThenRefused(new ExtendNeededBy(new DateOnly(2027, 1, 10), Pm, T(3)), "only until the call is arranged");

        Given(Deferred());
        ThenRefused(new ExtendNeededBy(new DateOnly(2027, 1, 10), Pm, T(3)), "only until the call is arranged");
    }

    [Fact]
    public void WhileTheReferenceIsAskedOrASlotIsSoughtTheDateCanStillMove()
    {
        Given(AwaitingReferenceConsent());
        Assert.IsType<NeededByExtended>(Assert.Single(When(new ExtendNeededBy(new DateOnly(2027, 1, 10), Pm, T(3)))));

        Given(LookingForSlot());
        Assert.IsType<NeededByExtended>(Assert.Single(When(new ExtendNeededBy(new DateOnly(2027, 1, 10), Pm, T(3)))));
    }
}
