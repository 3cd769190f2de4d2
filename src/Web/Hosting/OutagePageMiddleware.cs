using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.LinkPages;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// A page that cannot reach storage or the engine answers 503 with Retry-After and a page that says to try again in a
/// moment, written here rather than by re-running the pipeline for the error page: that re-run authenticates again,
/// which reads the directory again, and would turn the outage into a bare 500.
/// </summary>
public sealed class OutagePageMiddleware(RequestDelegate next)
{
    private static readonly ActionPageModel Outage = new ActionPageModel.Refused(503, "We cannot reach our records right now",
        "This is on our side and usually passes within a minute. Nothing you already sent was lost; please try again shortly.");

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageFaults.IsOutage(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.WriteAsync(await LinkPageHtml.RenderAsync<ActionPage>(context.RequestServices, Outage));
            }
        }
    }
}
