namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Request summaries: the read model behind list pages, <c>GET /api/requests</c> and outcomes.</summary>
public interface ISummaryReader
{
    /// <summary>One page of summaries matching <paramref name="query"/>, newest first.</summary>
    Task<SummaryPage> PageAsync(SummaryQuery query, CancellationToken ct);

    /// <summary>How many summaries match <paramref name="query"/> (its paging is ignored).</summary>
    Task<int> CountAsync(SummaryQuery query, CancellationToken ct);

    /// <summary>One request's summary, or null.</summary>
    Task<RequestSummary?> GetAsync(string requestId, CancellationToken ct);

    /// <summary>The ids of every request for the opportunity <paramref name="crmId"/>, whatever its state.</summary>
    Task<IReadOnlyList<string>> ForOpportunityAsync(string crmId, CancellationToken ct);
}
