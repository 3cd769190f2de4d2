using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.References;

/// <summary>A person at a reference account who may speak to prospects.</summary>
public sealed record ReferenceContact(
    string ContactId,
    string Name,
    string Email,
    string Title,
    Seniority Seniority,
    Persona Persona,
    string TimeZone,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<string> Topics,
    int? MaxCallsPerQuarter = null,
    DateOnly? PausedUntil = null,
    DateOnly? ConsentExpires = null,
    string? Phone = null,
    WorkingHours? WorkingHours = null);
