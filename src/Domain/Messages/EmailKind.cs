namespace ReferenceFlow.Domain.Messages;

/// <summary>The X-ReferenceFlow-Kind header values of the public contract.</summary>
public enum EmailKind
{
    OwnerApproval,
    OwnerReminder,
    Escalation,
    ReferenceConsent,
    ReferenceBriefing,
    ProspectBriefing,
    Introduction,
    DebriefRequest,
    DebriefReminder,
    ThankYou,
    LoopClosed,
    OutcomeNudge,
    Deferred,
    KeepWarm,

    /// <summary>An open ask (approval, consent, a call) is no longer needed: the deal closed first.</summary>
    Withdrawn,

    /// <summary>A nominated contact is asked whether they would join the reference program.</summary>
    Invitation,

    /// <summary>The invitation is still open.</summary>
    InvitationReminder,

    /// <summary>The contact joined: thanks, and how to manage how often we ask.</summary>
    Welcome,

    /// <summary>The program manager's morning email of what waits on them.</summary>
    Digest,

    /// <summary>An ask went straight to a contact under their owner's standing approval: the owner's FYI, with a way to stop it.</summary>
    StandingApprovalUsed,
}
