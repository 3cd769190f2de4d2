namespace ReferenceFlow.Api.Limits;

/// <summary>
/// Caps request bodies and answers 413 problem details, by who is calling: a signed-in API caller gets 64 KiB (the CSV
/// import 32 MiB, room for a 40,000-contact file of about 12 MiB); anyone not signed in — link pages, the sign-in form,
/// an API call whose credentials failed — gets <see cref="AnonymousBytes"/>. Runs after authentication, so a stranger
/// can never make the server hold more than that. Done here rather than only by the server's limit so the answer is the
/// same behind any server and host, chunked or not, and never a torn connection.
/// </summary>
public static class BodySizeLimit
{
    public const long ApiBytes = 64 * 1024;
    public const long ImportBytes = 32 * 1024 * 1024;

    /// <summary>A link page's form or an Entra sign-in's form post (an id token with its claims) fits many times over.</summary>
    public const long AnonymousBytes = 32 * 1024;

    /// <summary>After UseAuthentication: the API's limits for signed-in callers, the small one for everyone else.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (LimitFor(context) is { } limit && await CheckAsync(context.Request, limit) is { } tooLarge)
            {
                await tooLarge.ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>The limit of this request, or null for a signed-in user's page (the server's own limit holds there).</summary>
    public static long? LimitFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return AnonymousBytes;
        return context.Request.Path.StartsWithSegments("/api") ? ApiLimitFor(context.Request) : null;
    }

    public static long ApiLimitFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api/references/import") ? ImportBytes : ApiBytes;
    }

    /// <summary>413 when the body is over <paramref name="limit"/>; otherwise null, with a chunked body buffered for the
    /// endpoint to read. Call it only once the caller's limit is known: it reads up to that many bytes.</summary>
    public static async Task<IResult?> CheckAsync(HttpRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The server's own cap (Kestrel: about 28.6 MiB) must not cut the import off before this answers, and must not
        // let more through than this caller may send.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit + 1;
        }
        if (request.ContentLength > limit) return TooLarge(limit);
        if (request.ContentLength is null && HasBody(request))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) return TooLarge(limit);
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }
        return null;
    }

    private static bool HasBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsDelete(request.Method);

    private static IResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body exceeds {limit / 1024} KiB.");
}
