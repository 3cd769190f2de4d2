using ReferenceFlow.Api.LinkPages;

namespace ReferenceFlow.Api.Actions;

/// <summary>The action link's three answers as HTML pages, for either host: HEAD nothing, GET the form, POST acts.</summary>
public static class ActionPages
{
    public static IResult Head() => TypedResults.Ok();

    public static Task<IResult> ViewAsync(HttpContext context, string token, ActionService actions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actions);
        string? decision = context.Request.Query["decision"];
        return HtmlAsync(context, () => actions.ViewAsync(token, decision, context.RequestAborted));
    }

    public static async Task<IResult> ActAsync(HttpContext context, string token, ActionService actions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actions);
        // A POST without a form (a scanner, a stray client) chooses nothing: the page asks again.
        // The token's signature first (no storage): a forged or expired link is refused without its body being read.
        if (actions.RefusalBeforeReading(token) is { } refused) return await HtmlAsync(context, () => Task.FromResult(refused));
        var form = await LinkPage.ReadFormAsync(context);
        string? decision = form?["decision"];
        string? reason = form?["reason"];
        var fromNowOn = (string?)form?["fromNowOn"] == "on";
        return await HtmlAsync(context, () => actions.ActAsync(token, decision, reason, fromNowOn, context.RequestAborted));
    }

    private static Task<IResult> HtmlAsync(HttpContext context, Func<Task<ActionPageModel>> page) =>
        LinkPage.RespondAsync<ActionPage, ActionPageModel>(context, page,
            new ActionPageModel.Refused(503, "We could not record this just now", "Nothing was changed. Please try the link again in a minute."),
            m => m.Status);
}
