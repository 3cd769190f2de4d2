using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class TimerElapsedTests : DeciderSpec
{
    private TimerDue Pending(string kind) => State.PendingTimers.Single(t => t.Kind == kind);

    private IReadOnlyList<RequestEvent> Fire(string kind) => When(new TimerElapsed(Pending(kind), Pending(kind).DueAt));

    private IReadOnlyList<Effect> EffectsOf(IReadOnlyList<RequestEvent> events)
    {
        var state = After(events);
        return [.. events.SelectMany(e => Decider.Effects(e, state))];
    }

    [Fact]
    public void OwnerReminderRemindsTheOwnerOnce()
    {
        Given(AwaitingOwnerApproval());
        var owner = State.Current!.Account.OwnerEmail;

        var events = Fire(TimerKinds.OwnerReminder);

        Assert.IsType<OwnerReminded>(Assert.Single(events));
        var mail = EffectsOf(events).Cast<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.OwnerReminder, owner, "owner:1"), (mail.Kind, mail.To.Single().Email, mail.Action!.Step));
        Assert.DoesNotContain(After(events).PendingTimers, t => t.Kind == TimerKinds.OwnerReminder);
    }

    [Fact]
    public void OwnerEscalationLetsTheProgramManagerDecide()
    {
        Given(AwaitingOwnerApproval());

        var events = Fire(TimerKinds.OwnerEscalation);

        Assert.IsType<OwnerEscalated>(Assert.Single(events));
        var mail = EffectsOf(events).Cast<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.Escalation, Pm, Pm), (mail.Kind, mail.To.Single().Email, mail.Action!.ActorEmail));
    }

    [Fact]
    public void OwnerTimeoutMovesToTheNextCandidate()
    {
        Given(AwaitingOwnerApproval());

        var timeout = Pending(TimerKinds.OwnerApprovalTimeout);
        var events = WhenMovedOn(new TimerElapsed(timeout, timeout.DueAt), chosen: 1);

        ThenTypes(events, typeof(OwnerApprovalTimedOut), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        Assert.Equal(1, After(events).CurrentIndex);
    }

    [Fact]
    public void ConsentTimeoutMovesToTheNextCandidate()
    {
        Given(AwaitingReferenceConsent());

        var timeout = Pending(TimerKinds.ReferenceConsentTimeout);
        ThenTypes(WhenMovedOn(new TimerElapsed(timeout, timeout.DueAt), chosen: 1),
            typeof(ReferenceConsentTimedOut), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
    }

    [Fact]
    public void SlotSearchIsRetriedAndTheProgramManagerHearsOnTheThirdTry()
    {
        Given(LookingForSlot());
        var second = Fire(TimerKinds.SlotSearchRetry);
        Assert.Equal(2, Assert.IsType<SlotSearchStarted>(Assert.Single(second)).Attempt);
        Assert.DoesNotContain(EffectsOf(second), e => e is SendEmail);
        Given(Then(LookingForSlot(), s => new TimerElapsed(s.PendingTimers.Single(), s.PendingTimers.Single().DueAt)));

        var third = Fire(TimerKinds.SlotSearchRetry);

        var effects = EffectsOf(third);
        Assert.Single(effects.OfType<FindSlot>());
        Assert.Equal(EmailKind.Escalation, effects.OfType<SendEmail>().Single().Email.Kind);
    }

    [Fact]
    public void DebriefIsRequestedAfterTheCall()
    {
        Given(Introduced());

        var events = Fire(TimerKinds.DebriefDue);

        Assert.IsType<DebriefRequested>(Assert.Single(events));
        Assert.Equal(RequestStatus.AwaitingDebrief, After(events).Status);
        var mail = EffectsOf(events).OfType<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.DebriefRequest, Rep), (mail.Kind, mail.To.Single().Email));
    }

    [Fact]
    public void DebriefRemindersRepeatUntilAnswered()
    {
        Given(AwaitingDebrief());
        Given(Then(AwaitingDebrief(), s => new TimerElapsed(s.PendingTimers.Single(), s.PendingTimers.Single().DueAt)));

        var events = Fire(TimerKinds.DebriefReminder);

        Assert.Equal(2, Assert.IsType<DebriefReminded>(Assert.Single(events)).Count);
        Assert.Equal(EmailKind.DebriefReminder, EffectsOf(events).OfType<SendEmail>().Single().Email.Kind);
        Assert.Single(After(events).PendingTimers, t => t.Kind == TimerKinds.DebriefReminder);
    }

    [Fact]
    public void OutcomeNudgeRepeatsWhileNoOutcome()
    {
        Given(Completed());

        var events = Fire(TimerKinds.OutcomeNudge);

        Assert.IsType<OutcomeNudged>(Assert.Single(events));
        Assert.Equal(EmailKind.OutcomeNudge, EffectsOf(events).OfType<SendEmail>().Single().Email.Kind);
        Assert.Single(After(events).PendingTimers, t => t.Kind == TimerKinds.OutcomeNudge);
    }

    [Fact]
    public void TimerTheStateNoLongerExpectsIsIgnored()
    {
        var history = AwaitingOwnerApproval();
        var reminder = Fold(history).PendingTimers.First();
        Given(Then(history, s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, true, null, T(1))));

        Assert.Empty(When(new TimerElapsed(reminder, reminder.DueAt)));
    }

    [Fact]
    public void TimerArrivingEarlyIsIgnored()
    {
        Given(AwaitingOwnerApproval());

        Assert.Empty(When(new TimerElapsed(Pending(TimerKinds.OwnerReminder), T(1))));
    }

    [Fact]
    public void TimerForAnUnknownRequestIsIgnored()
    {
        Given([]);

        Assert.Empty(When(new TimerElapsed(new TimerDue("owner-reminder:1", TimerKinds.OwnerReminder, T(1)), T(2))));
    }
}
