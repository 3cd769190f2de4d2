using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Domain.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>What the invitation page shows: what joining means with the yes and no forms, the answer recorded, or why the link cannot be used.</summary>
public abstract record InvitationPageModel(int Status, string Title)
{
    /// <summary>The invitation. <paramref name="Errors"/> (400) are the field errors of a yes that could not be taken, <paramref name="Posted"/> what was sent.</summary>
    public sealed record Form(
        string Token, Nomination Nomination, int ProgramCap, IReadOnlyDictionary<string, string[]>? Errors = null, PreferencesForm? Posted = null, string? Error = null)
        : InvitationPageModel(Errors is null && Error is null ? 200 : 400, Errors is null && Error is null ? "Join our customer references?" : "Please check the form");

    public sealed record Answered(bool Accepted, Nomination Nomination)
        : InvitationPageModel(200, Accepted ? "Thank you — welcome aboard" : "Thank you — your answer is recorded");

    /// <summary>Forged or altered (400), expired, used or closed (410), no such nomination (404).</summary>
    public sealed record Refused(int Code, string Heading, string Message) : InvitationPageModel(Code, Heading);
}
