using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class SubmitRequestTests : DeciderSpec
{
    [Fact]
    public void ReadyRequestAsksTheBestCandidatesOwner()
    {
        Given([]);

        var events = When(Submit());

        ThenTypes(events, typeof(RequestSubmitted), typeof(OwnerApprovalRequested));
        var asked = (OwnerApprovalRequested)events[1];
        Assert.Equal(0, asked.CandidateIndex);
        Assert.Equal("owner:1", asked.Step);
        Assert.Equal(["owner-reminder:1", "owner-escalation:1", "owner-timeout:1"], asked.Timers.Select(t => t.TimerId));
        var state = After(events);
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, state.Status);
        Assert.False(state.OwnerApproved);
        Assert.Equal(state.Current!.Account.OwnerEmail, state.WaitingOn);
    }

    [Fact]
    public void ARequestWhoseFirstCandidateWasTakenChecksItsCandidatesBeforeAskingAnyone()
    {
        Given([]);

        var events = When(Submit() with { CheckFirst = true });

        ThenTypes(events, typeof(RequestSubmitted), typeof(CandidateCheckRequested));
        Assert.Equal(0, ((CandidateCheckRequested)events[1]).FromIndex);
        var state = After(events);
        Assert.Equal(0, state.CheckingFrom);
        Assert.Empty(state.HeldContacts);
        Assert.Null(state.Step);
    }

    [Fact]
    public void OwnerTimersAreCountedInBusinessDays()
    {
        Given([]);

        var asked = (OwnerApprovalRequested)When(Submit())[1];

        // Submitted Wednesday 10:00 UTC: reminder Thursday, escalation Friday, timeout Monday (the weekend does not count).
        Assert.Equal([T(24), T(48), T(120)], asked.Timers.Select(t => t.DueAt));
        Assert.Equal(T(120), asked.ExpiresAt);
    }

    [Fact]
    public void TooEarlyRequestIsDeferredAndTheRepHearsWhy()
    {
        Given([]);

        var events = When(Submit(Sample.Intake(purpose: Purpose.Exploring)));

        ThenTypes(events, typeof(RequestSubmitted), typeof(RequestDeferred));
        var state = After(events);
        Assert.Equal(RequestStatus.Deferred, state.Status);
        Assert.Equal("the prospect is still exploring.", state.Reason);
        var mail = Assert.IsType<SendEmail>(Assert.Single(Decider.Effects(events[1], state))).Email;
        Assert.Equal(EmailKind.Deferred, mail.Kind);
        Assert.Equal(Rep, mail.To.Single().Email);
        Assert.Contains(mail.Paragraphs, p => p.Contains("Case studies", StringComparison.Ordinal));
        // The rep can act on it from the email: the request's page offers Ask again.
        Assert.Equal(new PageLink("See the request and ask again", $"/requests/{state.RequestId}"), Assert.Single(mail.Links!));
    }

    [Fact]
    public void RushedRequestIsFlaggedEscalatedAndProceeds()
    {
        Given([]);

        var events = When(Submit(Sample.Intake(neededBy: new DateOnly(2026, 11, 19))));

        // No room to ask one after another: both candidates' owners are asked at once (decision 041).
        ThenTypes(events, typeof(RequestSubmitted), typeof(RequestRushed), typeof(OwnerApprovalRequested), typeof(OwnerApprovalRequested));
        var state = After(events);
        Assert.True(state.Rushed);
        var mail = Assert.IsType<SendEmail>(Assert.Single(Decider.Effects(events[1], state))).Email;
        Assert.Equal(EmailKind.Escalation, mail.Kind);
        Assert.Equal(Pm, mail.To.Single().Email);
    }

    [Fact]
    public void NoCandidateLeavesTheRequestUnfulfilled()
    {
        Given([]);

        var events = When(Submit(candidates: []));

        ThenTypes(events, typeof(RequestSubmitted), typeof(RequestUnfulfilled));
        var state = After(events);
        Assert.Equal(RequestStatus.Unfulfilled, state.Status);
        Assert.Equal(Rep, Assert.IsType<SendEmail>(Decider.Effects(events[1], state).Single()).Email.To.Single().Email);
    }

    [Fact]
    public void SubmittingTwiceIsRefused()
    {
        Given(AwaitingOwnerApproval());

        ThenRefused(Submit(), "already submitted");
    }

    [Fact]
    public void SubmitWithoutRequesterIsABadInput()
    {
        Given([]);

        Assert.Throws<ArgumentException>(() => When(Submit() with { RequesterEmail = " " }));
    }

    [Fact]
    public void AnyOtherCommandBeforeSubmitIsRefused()
    {
        Given([]);

        ThenRefused(new CancelRequest(Rep, null, T(0)), "not been submitted");
    }
}
