namespace ReferenceFlow.Storage.ReadModels;

/// <summary>One held activity of a contact, as stored by the usage read model.</summary>
public sealed record UsageRecord(
    string ReferenceId, string ContactId, string RequestId, string Activity, DateTimeOffset At, decimal InfluencedRevenueUsd);
