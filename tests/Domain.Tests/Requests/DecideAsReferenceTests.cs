using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

public sealed class DecideAsReferenceTests : DeciderSpec
{
    private string Contact => State.Current!.Contact.Email;

    [Fact]
    public void AcceptanceBriefsBothSidesAndLooksForASlot()
    {
        Given(AwaitingReferenceConsent());

        var events = When(new DecideAsReference("consent:2", Contact, true, null, T(2)));

        ThenTypes(events, typeof(ReferenceAccepted), typeof(SlotSearchStarted));
        var state = After(events);
        Assert.Equal(RequestStatus.Scheduling, state.Status);
        var briefings = Decider.Effects(events[0], state).OfType<SendEmail>().Select(m => m.Email).ToList();
        Assert.Equal(state.Current!.Key, Decider.Effects(events[0], state).OfType<RecordTouch>().Select(t => new ReferenceFlow.Domain.References.ContactKey(t.ReferenceId, t.ContactId)).Single());
        Assert.Equal([EmailKind.ReferenceBriefing, EmailKind.ProspectBriefing], briefings.Select(m => m.Kind));
        Assert.Equal("paul@acme.example", briefings[1].To.Single().Email);
        var find = Decider.Effects(events[1], state).OfType<FindSlot>().Single().Request;
        Assert.Equal(T(2), find.WindowStart);
        Assert.Equal(T(26), find.WindowEnd);
        Assert.Equal(TimeSpan.FromMinutes(30), find.Duration);
        Assert.Equal(Contact, find.ReferenceEmail);
    }

    [Fact]
    public void DeclineMovesToTheNextCandidatesOwner()
    {
        Given(AwaitingReferenceConsent());

        var events = WhenMovedOn(new DecideAsReference("consent:2", Contact, false, "on leave", T(2)), chosen: 1);

        ThenTypes(events, typeof(ReferenceDeclined), typeof(CandidateCheckRequested), typeof(OwnerApprovalRequested));
        var state = After(events);
        Assert.Equal(1, state.CurrentIndex);
        Assert.False(state.OwnerApproved);
    }

    [Fact]
    public void AnswerFromAnotherAddressIsRecordedWithoutEffect()
    {
        Given(AwaitingReferenceConsent());

        Assert.Equal("only the reference asked can answer",
            Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new DecideAsReference("consent:2", "x@else.example", true, null, T(2))))).Note);
    }

    [Fact]
    public void TheSameAcceptanceAgainIsNoNewsAndAContraryAnswerIsRecordedWithoutEffect()
    {
        Given(LookingForSlot());

        Assert.Empty(When(new DecideAsReference("consent:2", State.Current!.Contact.Email, true, null, T(3))));
        var contrary = When(new DecideAsReference("consent:2", State.Current!.Contact.Email, false, null, T(3)));

        Assert.IsType<LateAnswerRecorded>(Assert.Single(contrary));
        Assert.Equal(RequestStatus.Scheduling, After(contrary).Status);
    }

    [Fact]
    public void AnswerToAnOldStepIsRecordedWithoutEffect()
    {
        Given(AwaitingReferenceConsent());

        Assert.IsType<LateAnswerRecorded>(Assert.Single(When(new DecideAsReference("consent:9", Contact, true, null, T(2)))));
    }
}
