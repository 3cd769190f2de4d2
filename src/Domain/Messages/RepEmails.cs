using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>What the requesting rep hears: a deferral, debrief asks and the outcome nudge.</summary>
public static class RepEmails
{
    public static OutboundEmail Deferred(RequestState s) => new(EmailKind.Deferred, s.RequestId, [Words.Staff(s.RequesterEmail)],
        $"Reference request for {s.Intake!.Prospect.Company} is on hold",
        [
            $"It is early to spend a reference's time on {s.Intake.Prospect.Company}: {s.Reason}",
            "References are few and busy; they help most once the prospect is qualified and has said what happens after the call. Meanwhile:",
            .. s.Alternatives.Select(a => $"- {a}"),
            "When the deal is there, ask again from the request's page: the form comes filled in from this request.",
        ],
        Words.Deal(s.Intake),
        Links: [new PageLink("See the request and ask again", $"/requests/{Uri.EscapeDataString(s.RequestId!)}")]);

    public static OutboundEmail DebriefRequest(RequestState s) => Debrief(s, EmailKind.DebriefRequest,
        $"How did the call with {s.Current!.Contact.Name} go?",
        "The reference call time has passed. A few words help the next match and tell us whether to thank the reference.");

    public static OutboundEmail DebriefReminder(RequestState s) => Debrief(s, EmailKind.DebriefReminder,
        $"Still open: debrief of the call with {s.Current!.Contact.Name}",
        "The debrief of this call is still open. Until it is in, the reference is not thanked and the call is not counted.");

    public static OutboundEmail OutcomeNudge(RequestState s) => new(EmailKind.OutcomeNudge, s.RequestId, [Words.Staff(s.RequesterEmail)],
        $"Won or lost: {s.Intake!.Opportunity.Name}?",
        [
            $"The close date for {s.Intake.Opportunity.Name} ({s.Intake.Opportunity.CrmId}) was {TimeWords.Date(s.Intake.Opportunity.CloseDate)} and no outcome has arrived.",
            $"{s.Current!.Contact.Name} helped with a call; they hear how it ended once you record the outcome.",
        ]);

    private static OutboundEmail Debrief(RequestState s, EmailKind kind, string subject, string lead) =>
        new(kind, s.RequestId, [Words.Staff(s.RequesterEmail)], subject,
        [
            lead,
            "Did it happen? Did it meet the prospect's needs? Any concerns left, or competitor landmines you heard? Answer on the request's debrief page.",
        ],
        [new Fact("Prospect", s.Intake!.Prospect.Company), new Fact("Reference", $"{s.Current!.Contact.Name} ({s.Current.Account.Name})")],
        Cc: [Words.Reference(s.Current)]);
}
