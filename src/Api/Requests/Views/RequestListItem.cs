namespace ReferenceFlow.Api.Requests.Views;

/// <summary>One row of GET /api/requests and the home page's lists (from the summary read model).</summary>
public sealed record RequestListItem(
    string Id,
    string State,
    string? Company,
    string? Opportunity,
    string? CrmId,
    string? Activity,
    string? NeededBy,
    string? Requester,
    string? WaitingOn,
    string? CurrentAccount,
    bool Rushed,
    bool Open,
    bool NeedsAttention,
    DateTimeOffset? SubmittedAt,
    long Version,
    string? RequesterName = null);
