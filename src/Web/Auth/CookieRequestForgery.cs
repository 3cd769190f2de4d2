using Microsoft.AspNetCore.Antiforgery;
using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// Cross-site request forgery defence for callers signed in by the browser cookie, on every method that changes
/// something (the API's /cancel and /approve, the import that takes text/plain, /signout, the pages' forms): the browser
/// must say the request came from one of our own pages — <c>Sec-Fetch-Site: same-origin</c>, or, from a browser that does
/// not send it, an <c>Origin</c> of this site — or the request must carry a valid antiforgery token. Anything else is a
/// 403 before the endpoint runs. API-key and bearer callers send their credential themselves, so no other site can
/// borrow it; they pass untouched.
/// </summary>
public static class CookieRequestForgery
{
    public static IApplicationBuilder UseCookieRequestForgeryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsCookieWrite(context) && !FromOwnPage(context.Request) && !await HasAntiforgeryTokenAsync(context))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Cross-site request refused",
                    detail: "A change made with the sign-in cookie must come from this site's own pages.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsCookieWrite(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && ApiAuthentication.SchemeFor(context.Request, entra: true) is null
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
             || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method));

    /// <summary>Fetch metadata when the browser sends it (every current one does); else the Origin header.</summary>
    public static bool FromOwnPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The form field or the <c>RequestVerificationToken</c> header, as the app's own forms and scripts send it.</summary>
    private static async Task<bool> HasAntiforgeryTokenAsync(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
