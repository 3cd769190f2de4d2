namespace ReferenceFlow.Api.Insights;

/// <summary>
/// One insight in <c>GET /api/insights</c>: what a debrief taught, and the deal it came from. <see cref="Request"/>
/// and the reference's account name are there only for those who may see that request; everyone sees the
/// reference's industry and size.
/// </summary>
public sealed record InsightView(
    DateTimeOffset At,
    IReadOnlyList<string> Topics,
    string? Competitor,
    string Industry,
    string? Concerns,
    string? Landmines,
    bool Happened,
    bool MetNeeds,
    InsightReferenceView Reference,
    InsightRequestLink? Request);

/// <summary>The reference who took the call: <see cref="ReferenceId"/> and <see cref="Account"/> are null for a rep who was not on the request.</summary>
public sealed record InsightReferenceView(string? ReferenceId, string? Account, string Industry, string Size);

/// <summary>The request the debrief belongs to, for those who may open it.</summary>
public sealed record InsightRequestLink(string Id, string Href);
