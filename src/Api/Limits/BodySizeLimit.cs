namespace ReferenceFlow.Api;

/// <summary>
/// Caps API request bodies (64 KiB; CSV import 32 MiB, room for a 40,000-contact file of about 12 MiB) and answers 413 problem details.
/// Done here rather than by the server's limit so the answer is the same behind any server and host,
/// chunked or not, and never a torn connection.
/// </summary>
public static class BodySizeLimit
{
    public const long ApiBytes = 64 * 1024;
    public const long ImportBytes = 32 * 1024 * 1024;

    public static IApplicationBuilder UseApiBodySizeLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), branch => branch.Use(async (context, next) =>
        {
            if (await CheckAsync(context.Request) is { } tooLarge)
            {
                await tooLarge.ExecuteAsync(context);
                return;
            }
            await next(context);
        }));

    /// <summary>413 when the body is over the limit; otherwise null, with a chunked body buffered for the endpoint to read.</summary>
    public static async Task<IResult?> CheckAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Path.StartsWithSegments("/api/references/import") ? ImportBytes : ApiBytes;
        // The server's own cap (Kestrel: about 28.6 MiB) must not cut the import off before this answers.
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
