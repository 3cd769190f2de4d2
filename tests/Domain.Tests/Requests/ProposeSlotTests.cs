using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class ProposeSlotTests : DeciderSpec
{
    [Fact]
    public void SlotIntroducesBothSidesWithAnInvitation()
    {
        Given(LookingForSlot());

        var events = When(new ProposeSlot(Slot, T(2.1)));

        var proposed = Assert.IsType<SlotProposed>(Assert.Single(events));
        var state = After(events);
        Assert.Equal(RequestStatus.Introduced, state.Status);
        Assert.Equal(Slot, state.Slot);
        var effects = Decider.Effects(proposed, state);
        var mail = effects.OfType<SendEmail>().Single().Email;
        Assert.Equal(EmailKind.Introduction, mail.Kind);
        Assert.Equal([state.Current!.Contact.Email, "paul@acme.example"], mail.To.Select(r => r.Email));
        // The owner was told at approval that they would be copied on the introduction.
        Assert.Equal([Rep, state.Current.Account.OwnerEmail], mail.Cc!.Select(r => r.Email));
        Assert.Equal(Slot.Start, mail.Invitation!.Start);
        Assert.Contains(mail.Paragraphs, p => p.Contains("Thu 19 Nov 2026, 13:00–13:30 (Europe/Paris)", StringComparison.Ordinal));
        var timer = effects.OfType<StartTimer>().Single().Timer;
        Assert.Equal((TimerKinds.DebriefDue, Slot.End + Policy.DebriefAfterCall), (timer.Kind, timer.DueAt));
    }

    [Fact]
    public void SlotOutsideTheWindowIsSaidPlainly()
    {
        Given(LookingForSlot());
        var late = new ProposedSlot(T(50), T(50.5), false);

        var events = When(new ProposeSlot(late, T(2.1)));

        var mail = Decider.Effects(events[0], After(events)).OfType<SendEmail>().Single().Email;
        Assert.Contains(mail.Paragraphs, p => p.Contains("no free time within the next 24 hours", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedCalendarAnswerChangesNothing()
    {
        Given(Introduced());

        Assert.Empty(When(new ProposeSlot(new ProposedSlot(T(30), T(30.5), true), T(3))));
    }

    [Fact]
    public void SlotEndingBeforeItStartsIsABadInput()
    {
        Given(LookingForSlot());

        Assert.Throws<ArgumentException>(() => When(new ProposeSlot(new ProposedSlot(T(5), T(4), true), T(3))));
    }
}
