using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>The program manager approves or declines for a silent owner; the history and timeline say so.</summary>
public sealed class DecideOnTheOwnersBehalfTests : DeciderSpec
{
    [Fact]
    public void TheProgramManagersApprovalNamesTheOwnerItWasFor()
    {
        Given(AwaitingOwnerApproval());
        var owner = State.Current!.Account.OwnerEmail;

        var events = When(new DecideAsOwner("owner:1", Pm, true, null, T(30)));

        ThenTypes(events, typeof(OwnerApproved), typeof(ReferenceConsentRequested));
        var approved = Assert.IsType<OwnerApproved>(events[0]);
        Assert.Equal(owner, approved.OnBehalfOf);
        Assert.Equal($"Approved by {StaffNames.Of(Pm)} on behalf of the owner, {StaffNames.Of(owner)}", RequestEventText.Describe(approved));
    }

    [Fact]
    public void TheOwnersOwnAnswerNamesNobodyElse()
    {
        Given(AwaitingOwnerApproval());
        var owner = State.Current!.Account.OwnerEmail;

        var declined = Assert.IsType<OwnerDeclined>(When(new DecideAsOwner("owner:1", owner, false, "renewal talks", T(1)))[0]);

        Assert.Null(declined.OnBehalfOf);
        Assert.Equal($"Declined by {StaffNames.Of(owner)}: renewal talks", RequestEventText.Describe(declined));
    }

    [Fact]
    public void AnotherProgramManagerVouchedForByTheAppMayDecideAndSomeoneElseMayNot()
    {
        Given(AwaitingOwnerApproval());

        var byDeputy = When(new DecideAsOwner("owner:1", "deputy.pm@demo.local", false, "over-asked", T(30), AsProgramManager: true));
        var byStranger = When(new DecideAsOwner("owner:1", "someone@demo.local", true, null, T(30)));

        Assert.Equal("deputy.pm@demo.local", Assert.IsType<OwnerDeclined>(byDeputy[0]).ActorEmail);
        Assert.IsType<LateAnswerRecorded>(Assert.Single(byStranger));
    }
}
