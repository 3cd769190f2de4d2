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
        // Both live in Paris: each reads the slot in their own zone, named.
        Assert.Contains(mail.Paragraphs, p => p.Contains(
            $"Proposed time: Thu 19 Nov 2026, 13:00–13:30 Paris time for {Words.FirstName(state.Current.Contact.Name)}, which is Thu 19 Nov 2026, 13:00–13:30 Paris time for Paul.",
            StringComparison.Ordinal));
        Assert.DoesNotContain(mail.Paragraphs, p => p.Contains("usual hours", StringComparison.Ordinal));
        var timer = effects.OfType<StartTimer>().Single().Timer;
        Assert.Equal((TimerKinds.DebriefDue, Slot.End + Policy.DebriefAfterCall), (timer.Kind, timer.DueAt));
    }

    [Fact]
    public void SlotOutsideTheWindowIsSaidPlainlyWithWhoseHoursWereLookedAt()
    {
        Given(LookingForSlot());
        var late = new ProposedSlot(T(50), T(50.5), false);

        var events = When(new ProposeSlot(late, T(2.1)));

        var state = After(events);
        var mail = Decider.Effects(events[0], state).OfType<SendEmail>().Single().Email;
        // What the slot finder did, not a claim about the hours between the email and the call.
        Assert.Contains($"When we looked for a time, {state.Current!.Contact.Name}'s calendar had no free half-hour slot in their usual hours "
            + "(Mon–Fri, 09:00–17:00 Paris time) within the next 24 hours, so this is the first free time after that.", mail.Paragraphs);
    }

    [Fact]
    public void SlotOutsideTheProspectsUsualHoursSaysWhoseHoursAndWhatTheyAre()
    {
        Given(LookingForSlot());
        // Thursday 16:00 UTC is 17:00 in Paris, where Paul works 09:00–17:00.
        var evening = new ProposedSlot(T(30), T(30.5), true);

        var events = When(new ProposeSlot(evening, T(2.1)));

        var state = After(events);
        var remark = Assert.Single(SlotRemarks.Of(state, evening, Policy));
        Assert.Equal("Outside Paul Martin's usual hours", remark.Badge);
        Assert.StartsWith("This is outside Paul Martin's usual hours (Mon–Fri, 09:00–17:00 Paris time)", remark.Explanation, StringComparison.Ordinal);
        Assert.Contains(remark.Explanation, Decider.Effects(events[0], state).OfType<SendEmail>().Single().Email.Paragraphs);
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
