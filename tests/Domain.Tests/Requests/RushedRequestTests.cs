using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>A request needed soon keeps its timers inside its time, or goes to the program manager at once.</summary>
public sealed class RushedRequestTests : DeciderSpec
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    private IReadOnlyList<Effect> EffectsOf(IReadOnlyList<RequestEvent> events)
    {
        var state = State;
        var effects = new List<Effect>();
        foreach (var e in events)
        {
            state = Decider.Evolve(state, e);
            effects.AddRange(Decider.Effects(e, state));
        }

        return effects;
    }

    [Fact]
    public void ARushedRequestsOwnerIsRemindedEscalatedAndPassedOverBeforeItsNeedByDate()
    {
        Given([]);

        var events = When(Submit(Sample.Intake(neededBy: Friday)));

        ThenTypes(events, typeof(RequestSubmitted), typeof(RequestRushed), typeof(OwnerApprovalRequested), typeof(OwnerApprovalRequested));
        var asked = (OwnerApprovalRequested)events[3];
        Assert.Equal([TimerKinds.OwnerReminder, TimerKinds.OwnerEscalation, TimerKinds.OwnerApprovalTimeout], asked.Timers.Select(t => t.Kind));
        // The second candidate's owner is asked at the same time, with a timeout only.
        var beside = (OwnerApprovalRequested)events[2];
        Assert.True(beside.Parallel);
        Assert.Equal(1, beside.CandidateIndex);
        Assert.Equal([TimerKinds.OwnerApprovalTimeout], beside.Timers.Select(t => t.Kind));
        Assert.All(asked.Timers, t => Assert.True(t.DueAt < AskTimers.Deadline(Friday, Policy), $"{t.Kind} is due {t.DueAt:O}, after the need-by date"));
        Assert.Equal(asked.Timers[^1].DueAt, asked.ExpiresAt);
        // The program manager hears of the rush now, once; the rest waits on the owner.
        var mail = Assert.IsType<SendEmail>(Assert.Single(EffectsOf(events), e => e is SendEmail { Email.Kind: EmailKind.Escalation })).Email;
        Assert.StartsWith("Rushed reference request", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestNeededTodayGoesToTheProgramManagerAtOnceWithAWayToDecide()
    {
        Given([]);

        var events = When(Submit(Sample.Intake(neededBy: new DateOnly(2026, 11, 18))));

        ThenTypes(events, typeof(RequestSubmitted), typeof(RequestRushed), typeof(OwnerApprovalRequested), typeof(OwnerApprovalRequested), typeof(OwnerEscalated));
        Assert.True(((OwnerEscalated)events[4]).NoTimeToWait);
        var state = After(events);
        Assert.True(state.NeedsAttention);
        Assert.Equal([TimerKinds.OwnerApprovalTimeout], state.PendingTimers.Select(t => t.Kind));
        // One email to the program manager, not a rushed one and an escalation a moment apart.
        var toPm = EffectsOf(events).OfType<SendEmail>().Select(e => e.Email).Where(m => m.To.Any(t => t.Email == Pm)).ToList();
        var mail = Assert.Single(toPm);
        Assert.Equal(EmailKind.Escalation, mail.Kind);
        Assert.Equal("No time to wait: Acme Health needs a reference by Wed 18 Nov 2026", mail.Subject);
        Assert.Equal((Pm, "owner:2"), (mail.Action!.ActorEmail, mail.Action.Step));
        Assert.Contains(mail.Paragraphs, p => p.Contains("no time to wait for {staff:owner-acc", StringComparison.Ordinal));
        Assert.Equal("Escalated to the program manager at once: the need-by date leaves no time to wait for the owner",
            RequestEventText.Describe(events[4]));
    }

    [Fact]
    public void TheProgramManagerMayDecideInTheOwnersPlaceAtOnce()
    {
        Given(Run(Submit(Sample.Intake(neededBy: new DateOnly(2026, 11, 18)))));

        var events = When(new DecideAsOwner("owner:1", Pm, true, null, T(0.5)));

        ThenTypes(events, typeof(OwnerApproved), typeof(ReferenceConsentRequested));
        // The reference, asked with no time left, is still given the least time to answer.
        Assert.Equal(T(0.5) + AskTimers.MinimumAnswerTime, ((ReferenceConsentRequested)events[1]).ExpiresAt.ToUniversalTime());
    }

    [Fact]
    public void MovingOnLateAsksTheNextOwnerWithTheTimeStillLeft()
    {
        Given(Run(Submit(Sample.Intake(neededBy: Friday), Candidates(3))));
        var timeout = State.PendingTimers.Single(t => t.Kind == TimerKinds.OwnerApprovalTimeout);

        var events = WhenMovedOn(new TimerElapsed(timeout, timeout.DueAt), chosen: 2);

        // Thursday 13:30: 3 h 30 today and 8 h on Friday left, half of it for the next owner.
        var asked = Assert.IsType<OwnerApprovalRequested>(events[^1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 15, 0, TimeSpan.Zero), asked.ExpiresAt);
    }

    [Fact]
    public void ARequestSubmittedBeforeTimersWereFittedKeepsTheTimersItWasGiven()
    {
        // Stored before this rule: a request needed by Friday whose owner was given the policy's three business days.
        var submitted = Submit(Sample.Intake(neededBy: Friday));
        TimerDue[] stored =
        [
            new("owner-reminder:1", TimerKinds.OwnerReminder, T(24)),
            new("owner-escalation:1", TimerKinds.OwnerEscalation, T(48)),
            new("owner-timeout:1", TimerKinds.OwnerApprovalTimeout, T(120)),
        ];
        Given(
        [
            new RequestSubmitted(Id, submitted.Intake, Rep, Pm, submitted.Candidates, Sample.Now, Policy),
            new RequestRushed("needed by 2026-11-20, inside the minimum lead time of 3 days.", Sample.Now),
            new OwnerApprovalRequested(0, "owner:1", stored, T(120), Sample.Now),
        ]);

        Assert.Equal(stored, State.PendingTimers);
        var events = When(new TimerElapsed(stored[1], T(48)));

        var escalated = Assert.IsType<OwnerEscalated>(Assert.Single(events));
        Assert.False(escalated.NoTimeToWait);
        Assert.Equal(EmailKind.Escalation, Assert.IsType<SendEmail>(Assert.Single(EffectsOf(events))).Email.Kind);
    }
}
