namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// Filters for listing summaries, applied by the table service; null means any. No cap unless <paramref name="Max"/>
/// is given: a list that silently stops at some count hides the newest requests.
/// </summary>
public sealed record SummaryQuery(
    string? State = null, string? Requester = null, string? CrmId = null, bool? Open = null, string? ContactEmail = null, int? Max = null);
