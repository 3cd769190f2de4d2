namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// One page of the request list, newest first, filtered by the table service; null means any.
/// <paramref name="Person"/> is an owner or whoever the request waits on; <paramref name="Continuation"/> is the
/// token of the page before (<see cref="PageToken"/>).
/// </summary>
public sealed record SummaryQuery(
    string? State = null, string? Requester = null, string? Person = null, bool? Open = null, bool? NeedsAttention = null,
    int PageSize = SummaryQuery.DefaultPageSize, string? Continuation = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <summary>A page of summaries and the token of the next page (null on the last).</summary>
public sealed record SummaryPage(IReadOnlyList<RequestSummary> Items, string? Continuation);
