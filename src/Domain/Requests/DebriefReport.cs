namespace ReferenceFlow.Domain.Requests;

/// <summary>What the rep (or the reference) said after the call time.</summary>
public sealed record DebriefReport(
    bool Happened, bool MetNeeds, string? Concerns, string? Landmines, string? Notes, string ByEmail, DateTimeOffset At);
