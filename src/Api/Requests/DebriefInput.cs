using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>POST /api/requests/{id}/debrief body (api.md).</summary>
public sealed record DebriefInput(bool Happened, bool MetNeeds, string? Concerns, string? Landmines, string? Notes, Gift? Gift = null);
