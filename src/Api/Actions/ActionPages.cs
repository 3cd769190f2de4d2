using ReferenceFlow.Storage.Faults;

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
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? decision = form?["decision"];
        string? reason = form?["reason"];
        return await HtmlAsync(context, () => actions.ActAsync(token, decision, reason, context.RequestAborted));
    }

    private static async Task<IResult> HtmlAsync(HttpContext context, Func<Task<ActionPageModel>> page)
    {
        try
        {
            return Html(context, await page());
        }
        catch (Exception e) when (StorageFaults.IsOutage(e))
        {
            // The person came from an email: an HTML page that says to try again, not a problem document.
            context.Response.Headers.RetryAfter = "30";
            return Html(context, new ActionPageModel.Refused(503, "We could not record this just now",
                "Nothing was changed. Please try the link again in a minute."));
        }
    }

    private static IResult Html(HttpContext context, ActionPageModel model)
    {
        // The token is a credential: keep it out of caches and out of Referer headers.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(ActionHtml.Render(model), "text/html; charset=utf-8", statusCode: model.Status);
    }
}
