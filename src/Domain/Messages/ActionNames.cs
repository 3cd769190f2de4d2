namespace ReferenceFlow.Domain.Messages;

/// <summary>The actions an email link may carry, and their decisions (api.md, "Email actions").</summary>
public static class ActionNames
{
    public const string OwnerApproval = "owner-approval";
    public const string ReferenceConsent = "reference-consent";

    /// <summary>A nominated contact's own yes or no to joining the program (not tied to a request).</summary>
    public const string NominationInvitation = "nomination-invitation";

    public const string Approve = "approve";
    public const string Accept = "accept";
    public const string Decline = "decline";
}
