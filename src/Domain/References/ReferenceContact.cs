using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.References;

/// <summary>
/// A person at a reference account who may speak to prospects. <paramref name="LeftProgramOn"/> is set when they left the
/// program from their self-service page: from then on they are never matched, whatever else the row says.
/// </summary>
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
    WorkingHours? WorkingHours = null,
    DateOnly? LeftProgramOn = null);
