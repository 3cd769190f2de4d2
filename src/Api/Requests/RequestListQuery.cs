using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Api.Requests.Views;

namespace ReferenceFlow.Api.Requests;

/// <summary>What a request list asks for: filters, then the page (newest first).</summary>
public sealed record RequestListQuery(
    RequestStatus? State = null, bool Mine = false, bool? Open = null, bool? NeedsAttention = null,
    int PageSize = SummaryQuery.DefaultPageSize, string? Continuation = null);

/// <summary>A page of the list and the continuation of the next (null on the last).</summary>
public sealed record RequestListPage(IReadOnlyList<RequestListItem> Items, string? Continuation);
