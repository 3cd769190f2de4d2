using ReferenceFlow.Api.LinkPages;
using ReferenceFlow.Api.Preferences;

namespace ReferenceFlow.Api.Nominations;

/// <summary>/invitations/{token} as HTML for either host: HEAD nothing, GET what joining means, only POST answers.</summary>
public static class InvitationPages
{
    public static IResult Head() => TypedResults.Ok();

    public static Task<IResult> ViewAsync(HttpContext context, string token, InvitationService invitations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(invitations);
        return HtmlAsync(context, () => invitations.ViewAsync(token, context.RequestAborted));
    }

    public static async Task<IResult> AnswerAsync(HttpContext context, string token, InvitationService invitations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(invitations);
        // A POST without a form (a scanner, a stray client) chooses nothing: the page asks again.
        // The token's signature first (no storage): a forged or expired link is refused without its body being read.
        if (invitations.RefusalBeforeReading(token) is { } refused) return await HtmlAsync(context, () => Task.FromResult(refused));
        var form = await LinkPage.ReadFormAsync(context);
        return await HtmlAsync(context, () => invitations.AnswerAsync(token, form?["decision"], PreferencesForm.Read(form), form?["reason"], context.RequestAborted));
    }

    private static Task<IResult> HtmlAsync(HttpContext context, Func<Task<InvitationPageModel>> page) =>
        LinkPage.RespondAsync<InvitationPage, InvitationPageModel>(context, page,
            new InvitationPageModel.Refused(503, "We could not record this just now", "Nothing was changed. Please try the link again in a minute."),
            m => m.Status);
}
