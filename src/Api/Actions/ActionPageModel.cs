using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Actions;

/// <summary>What an action page shows: a form to decide, a confirmation, or why the link cannot be used.</summary>
public abstract record ActionPageModel(int Status, string Title)
{
    /// <summary>The form: the request's context and the decisions the token allows. <paramref name="FromNowOnFor"/> names
    /// the contact an owner may approve from now on (a standing approval), when that is offered.</summary>
    public sealed record Form(
        string Token, string Action, IReadOnlyList<string> Decisions, string? Preselected, RequestState Request, string? Error,
        string? FromNowOnFor = null)
        : ActionPageModel(Error is null ? 200 : 400, Error is null ? "Your decision" : "Choose a decision");

    /// <summary>The answer recorded; <paramref name="FromNowOnFor"/> names the contact whose asks now go straight to them.</summary>
    public sealed record Confirmed(string Decision, RequestState Request, string? FromNowOnFor = null)
        : ActionPageModel(200, "Thank you — your answer is recorded");

    /// <summary>Forged (400), expired / used / moved on (410), unknown request (404).</summary>
    public sealed record Refused(int Code, string Heading, string Message) : ActionPageModel(Code, Heading);
}
