namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Lists request summaries (the read model behind list pages and <c>GET /api/requests</c>).</summary>
public interface ISummaryReader
{
    /// <summary>Summaries matching <paramref name="query"/> on <see cref="SummaryColumns.State"/> and <see cref="SummaryColumns.Requester"/>.</summary>
    Task<IReadOnlyList<RequestSummary>> QueryAsync(SummaryQuery query, CancellationToken ct);

    /// <summary>One request's summary, or null.</summary>
    Task<RequestSummary?> GetAsync(string requestId, CancellationToken ct);
}
