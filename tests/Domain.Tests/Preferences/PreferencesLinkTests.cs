using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Preferences;

/// <summary>Which emails carry the reference's "Manage how often we ask you" link: those the reference reads, and no one else's.</summary>
public sealed class PreferencesLinkTests
{
    private static IEnumerable<OutboundEmail> EmailsOf(List<RequestEvent> history)
    {
        var state = Decider.Initial;
        foreach (var e in history)
        {
            state = Decider.Evolve(state, e);
            foreach (var mail in Decider.Effects(e, state).OfType<SendEmail>()) yield return mail.Email;
        }
    }

    [Fact]
    public void EveryEmailWrittenToTheReferenceCarriesTheirLinkAndNoOtherDoes()
    {
        var history = Then(Closed(), _ => new RecordOutcome(DealOutcome.Won, T(41)));
        var reference = Fold(history).Current!;
        var emails = EmailsOf(history).Concat(EmailsOf(Then(AwaitingReferenceConsent(), _ => new RecordOutcome(DealOutcome.Lost, T(3))))).ToList();

        var withLink = emails.Where(e => e.Preferences is not null).Select(e => e.Kind).Distinct().Order();
        Assert.Equal([EmailKind.ReferenceConsent, EmailKind.ReferenceBriefing, EmailKind.ThankYou, EmailKind.LoopClosed, EmailKind.Withdrawn], withLink);
        Assert.All(emails.Where(e => e.Preferences is not null), e =>
        {
            Assert.Equal(reference.Key, e.Preferences);
            Assert.Equal([reference.Contact.Email], e.To.Select(r => r.Email));
        });
        // The introduction reaches the prospect, the debrief asks the rep: neither may hold the reference's settings.
        Assert.All(emails.Where(e => e.Kind is EmailKind.Introduction or EmailKind.DebriefRequest or EmailKind.OwnerApproval or EmailKind.ProspectBriefing),
            e => Assert.Null(e.Preferences));
    }

    [Fact]
    public void AReferenceWhoseRequestIsCancelledHearsItWithTheirLink()
    {
        var history = Then(AwaitingReferenceConsent(), _ => new CancelRequest(Rep, "deal paused", T(3)));

        var withdrawn = EmailsOf(history).Single(e => e.Kind == EmailKind.Withdrawn);

        Assert.Equal(Fold(history).Current!.Key, withdrawn.Preferences);
    }
}
