using ReferenceFlow.Domain.Insights;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Insights newest first, by topic and competitor (null: any; compared without regard to case);
/// <paramref name="Continuation"/> is the token of the page before.
/// </summary>
public sealed record InsightQuery(string? Topic = null, string? Competitor = null, int PageSize = SummaryQuery.DefaultPageSize, string? Continuation = null);

/// <summary>A page of insights and the token of the next (null on the last).</summary>
public sealed record InsightPage(IReadOnlyList<DebriefInsight> Items, string? Continuation);

/// <summary>How many insights name each topic and each competitor (spelled as the newest of them spells it), most first.</summary>
public sealed record InsightCounts(int Total, IReadOnlyList<InsightCount> Topics, IReadOnlyList<InsightCount> Competitors);

public sealed record InsightCount(string Value, int Insights);
