using Microsoft.AspNetCore.Mvc;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Web.Actions;

/// <summary>/actions/{token}: HEAD and GET never act (mail scanners open links); only POST decides.</summary>
public static class ActionEndpoints
{
    public static IEndpointRouteBuilder MapActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/actions").AllowAnonymous().ExcludeFromDescription();
        group.MapMethods("/{token}", [HttpMethods.Head], () => TypedResults.Ok());
        group.MapGet("/{token}", (string token, string? decision, ActionService actions, HttpContext context) =>
            HtmlAsync(context, () => actions.ViewAsync(token, decision, context.RequestAborted)));
        // Antiforgery is off on purpose: the signed, single-use token in the URL is what authorizes
        // the POST, and the person arrives from an email without a session or a prior page of ours.
        group.MapPost("/{token}", (string token, [FromForm] string? decision, [FromForm] string? reason, ActionService actions, HttpContext context) =>
            HtmlAsync(context, () => actions.ActAsync(token, decision, reason, context.RequestAborted))).DisableAntiforgery();
        return app;
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
