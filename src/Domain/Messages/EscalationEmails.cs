using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Messages;

/// <summary>What the program manager hears about: rushed requests, silent owners, stalled scheduling, no reference left.</summary>
public static class EscalationEmails
{
    public static OutboundEmail Rushed(RequestState s) => new(EmailKind.Escalation, s.RequestId, [Words.Staff(s.ProgramManagerEmail)],
        $"Rushed reference request: {s.Intake!.Prospect.Company}",
        [
            $"{StaffNames.Of(s.RequesterEmail)} needs a reference for {s.Intake.Prospect.Company} sooner than the program's lead time: {s.Reason}",
            s.Candidates.Count > 0
                ? $"It goes ahead: {s.Candidates[0].Account.Name}'s owner is asked first. You may want to nudge them."
                : "No reference matches it right now.",
        ],
        Words.Deal(s.Intake), Cc: [Words.Staff(s.RequesterEmail)]);

    public static OutboundEmail OwnerSilent(RequestState s)
    {
        var c = s.Current!;
        var timeout = s.PendingTimers.FirstOrDefault(t => t.Kind == TimerKinds.OwnerApprovalTimeout)?.DueAt ?? s.SubmittedAt;
        return new OutboundEmail(EmailKind.Escalation, s.RequestId, [Words.Staff(s.ProgramManagerEmail)],
            $"No answer from {StaffNames.Of(c.Account.OwnerEmail)} on {c.Account.Name}",
            [
                $"{StaffNames.Of(c.Account.OwnerEmail)} has not answered whether {c.Contact.Name} ({c.Account.Name}) may speak with {s.Intake!.Prospect.Company}, even after a reminder.",
                "You can decide in their place below; otherwise the request moves to the next reference when the approval times out.",
            ],
            Words.Deal(s.Intake),
            new ActionLink(ActionNames.OwnerApproval, s.Step!, s.ProgramManagerEmail, [ActionNames.Approve, ActionNames.Decline], timeout),
            Cc: [Words.Owner(c)]);
    }

    /// <summary>The owner was just asked, but the need-by date leaves no time to wait for their answer (a rushed request, or one moving on late).</summary>
    public static OutboundEmail NoTimeToWait(RequestState s)
    {
        var c = s.Current!;
        var timeout = s.PendingTimers.FirstOrDefault(t => t.Kind == TimerKinds.OwnerApprovalTimeout)?.DueAt ?? s.SubmittedAt;
        var owner = Words.Owner(c).Name;
        return new OutboundEmail(EmailKind.Escalation, s.RequestId, [Words.Staff(s.ProgramManagerEmail)],
            $"No time to wait: {s.Intake!.Prospect.Company} needs a reference by {TimeWords.Date(s.Intake.NeededBy)}",
            [
                $"{StaffNames.Of(s.RequesterEmail)} needs a reference for {s.Intake.Prospect.Company} by {TimeWords.Date(s.Intake.NeededBy)}.",
                $"That leaves no time to wait for {owner} to say whether {c.Contact.Name} ({c.Account.Name}) may speak with them. {owner} has been asked too; whoever answers first decides.",
                "You can decide in their place below; otherwise the request moves to the next reference when the approval times out.",
            ],
            Words.Deal(s.Intake),
            // The owner is not copied: their own approval email, with their own links, went out a moment ago.
            new ActionLink(ActionNames.OwnerApproval, s.Step!, s.ProgramManagerEmail, [ActionNames.Approve, ActionNames.Decline], timeout));
    }

    public static OutboundEmail SchedulingStalled(RequestState s) => new(EmailKind.Escalation, s.RequestId, [Words.Staff(s.ProgramManagerEmail)],
        $"No call time found yet for {s.Intake!.Prospect.Company}",
        [
            $"{s.Current!.Contact.Name} agreed to the call, but {s.SlotAttempts} calendar look-ups have not come back with a time.",
            "ReferenceFlow keeps trying. If their calendar is not connected, a time agreed by email works too.",
        ]);

    public static OutboundEmail Unfulfilled(RequestState s) => new(EmailKind.Escalation, s.RequestId, [Words.Staff(s.RequesterEmail)],
        $"No reference available for {s.Intake!.Prospect.Company}",
        [
            $"This request could not be matched to a reference: {s.Reason}",
            "Case studies and recorded customer talks can carry part of the story meanwhile. The program manager is copied and may know someone not yet in the directory.",
        ],
        Words.Deal(s.Intake), Cc: [Words.Staff(s.ProgramManagerEmail)]);
}
