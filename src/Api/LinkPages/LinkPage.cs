using Microsoft.AspNetCore.Components;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Api.LinkPages;

/// <summary>
/// The answer to a page reached from an emailed link (an action, the preferences): HTML, never cached and never sent on
/// as a Referer, because the token in its address is a credential; a storage outage is a page that says to try again,
/// not a problem document, since the person came from an email.
/// </summary>
public static class LinkPage
{
    /// <summary>The page <typeparamref name="TPage"/> shows for the model <paramref name="page"/> answers, with the model's status.</summary>
    public static async Task<IResult> RespondAsync<TPage, TModel>(
        HttpContext context, Func<Task<TModel>> page, TModel outage, Func<TModel, int> status)
        where TPage : IComponent
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(status);
        TModel model;
        try
        {
            model = await page();
        }
        catch (Exception e) when (StorageFaults.IsOutage(e))
        {
            context.Response.Headers.RetryAfter = "30";
            model = outage;
        }
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var html = await LinkPageHtml.RenderAsync<TPage>(context.RequestServices, model);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status(model));
    }

    /// <summary>The posted form, or null when there is none or it cannot be read (a null character, a broken encoding):
    /// such a post chooses nothing, and the page asks again.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType) return null;
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
