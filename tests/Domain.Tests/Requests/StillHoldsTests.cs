using ReferenceFlow.Domain.Requests;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>
/// A hold on a contact stands while the request's history says so: asked, consenting, scheduled, debriefing, or after the
/// call (whose use is written before the hold goes); a cancelled request, or one that moved on, let them go at once.
/// </summary>
public sealed class StillHoldsTests
{
    private static readonly Domain.References.ContactKey First = Fold(AwaitingOwnerApproval()).Current!.Key;

    public static TheoryData<string, bool> States => new()
    {
        { nameof(AwaitingOwnerApproval), true },
        { nameof(Introduced), true },
        { nameof(Completed), true },
        { nameof(Closed), true },
        { nameof(Cancelled), false },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void AHoldStandsWhileTheHistorySaysSo(string state, bool stands)
    {
        var history = state switch
        {
            nameof(AwaitingOwnerApproval) => AwaitingOwnerApproval(),
            nameof(Introduced) => Introduced(),
            nameof(Completed) => Completed(),
            nameof(Closed) => Closed(),
            _ => Cancelled(),
        };

        Assert.Equal(stands, Fold(history).StillHolds(First));
    }

    [Fact]
    public void AnotherContactIsNotHeldByARequestThatAsksSomeoneElse() =>
        Assert.False(Fold(AwaitingOwnerApproval()).StillHolds(new Domain.References.ContactKey("elsewhere", "nobody")));
}
