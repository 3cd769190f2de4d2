namespace ReferenceFlow.Web.Api;

/// <summary>
/// Caps API request bodies (64 KiB; CSV import 4 MiB) and answers 413 problem details.
/// Done here rather than by the server's limit so the answer is the same behind any server,
/// chunked or not, and never a torn connection.
/// </summary>
public static class BodySizeLimit
{
    public const long ApiBytes = 64 * 1024;
    public const long ImportBytes = 4 * 1024 * 1024;

    public static IApplicationBuilder UseApiBodySizeLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), branch => branch.Use(async (context, next) =>
        {
            var limit = context.Request.Path.StartsWithSegments("/api/references/import") ? ImportBytes : ApiBytes;
            if (context.Request.ContentLength > limit)
            {
                await TooLargeAsync(context, limit);
                return;
            }
            if (context.Request.ContentLength is null && HasBody(context.Request))
            {
                // Chunked: read up to the limit into memory, then let the endpoint read the buffer.
                var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > limit)
                    {
                        await TooLargeAsync(context, limit);
                        return;
                    }
                }
                buffer.Position = 0;
                context.Request.Body = buffer;
                context.Request.ContentLength = buffer.Length;
            }
            await next(context);
        }));

    private static bool HasBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsDelete(request.Method);

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The request body exceeds {limit / 1024} KiB.").ExecuteAsync(context);
}
