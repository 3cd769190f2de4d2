using Microsoft.AspNetCore.Diagnostics;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// An address no page or endpoint answers gets the app's own 404 page (Errors/NotFound) in the app's layout, still
/// with status 404. The API's unknown routes have written their problem details by then, and a response that already
/// has a body (a page that said "not found" itself) is left as it is.
/// </summary>
public static class NotFoundPage
{
    public const string Path = "/not-found";

    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);
        // Only a 404 is shown as "not found": another status without a body (a 405, a 429) is not that page's to explain.
        return app.Use(async (context, next) =>
        {
            var pages = context.Features.Get<IStatusCodePagesFeature>();
            await next(context);
            if (pages is not null && context.Response.StatusCode != StatusCodes.Status404NotFound) pages.Enabled = false;
        });
    }
}
