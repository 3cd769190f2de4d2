using ReferenceFlow.Api.Validation;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api;

/// <summary>
/// Paged lists (api.md): <c>?pageSize=</c> (default 50, at most 500) and <c>?continuation=</c> in; the body a JSON
/// array and the next page's URL in a <c>Link: &lt;…&gt;; rel="next"</c> header out, absent on the last page.
/// </summary>
public static class Paging
{
    public sealed record Request(int PageSize, string? Continuation);

    /// <summary>The page asked for; <paramref name="accepts"/> tells a token of this list from any other (by default, any we encoded).</summary>
    public static Request Read(IQueryCollection query, FieldErrors errors, Func<string, bool>? accepts = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var size = SummaryQuery.DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } text &&
            (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) ||
             size is < 1 or > SummaryQuery.MaxPageSize))
        {
            errors.Add("pageSize", $"'{text}' is not a page size: a whole number from 1 to {SummaryQuery.MaxPageSize}.");
            size = SummaryQuery.DefaultPageSize;
        }
        string? continuation = query["continuation"].ToString() is { Length: > 0 } token ? token : null;
        if (continuation is not null && !(accepts ?? (token => PageToken.TryDecode(token) is not null))(continuation))
        {
            errors.Add("continuation", "Not a continuation this API gave out: follow the Link header of the page before.");
            continuation = null;
        }
        return new Request(size, continuation);
    }

    /// <summary>200 with <paramref name="items"/>, and a Link to the same query's next page when <paramref name="next"/> is set.</summary>
    public static IResult Page<T>(HttpRequest request, IReadOnlyList<T> items, string? next) => new PagedResult<T>(request, items, next);

    private sealed class PagedResult<T>(HttpRequest request, IReadOnlyList<T> items, string? next) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            if (next is not null)
            {
                var query = request.Query
                    .Where(p => p.Key != "continuation")
                    .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
                    .Append(new("continuation", next));
                httpContext.Response.Headers.Link = $"<{request.PathBase}{request.Path}{QueryString.Create(query)}>; rel=\"next\"";
            }
            return TypedResults.Ok(items).ExecuteAsync(httpContext);
        }
    }
}
