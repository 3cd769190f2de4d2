using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>What each durable timer will do when it fires, in words.</summary>
public static class TimerText
{
    public static string Of(string kind) => kind switch
    {
        TimerKinds.OwnerReminder => "Remind the owner",
        TimerKinds.OwnerEscalation => "Escalate to the program manager",
        TimerKinds.OwnerApprovalTimeout => "Move on to the next candidate if the owner hasn't answered",
        TimerKinds.ReferenceConsentTimeout => "Move on if the reference hasn't answered",
        TimerKinds.SlotSearchRetry => "Look for a free slot again",
        TimerKinds.DebriefDue => "Ask for the debrief",
        TimerKinds.DebriefReminder => "Remind about the debrief",
        TimerKinds.OutcomeNudge => "Ask for the deal's outcome",
        _ => kind,
    };
}
