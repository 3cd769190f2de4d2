namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Filters for listing summaries; null means any.</summary>
public sealed record SummaryQuery(string? State = null, string? Requester = null, int Max = 500);
