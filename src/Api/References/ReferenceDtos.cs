namespace ReferenceFlow.Api.References;

/// <summary>PUT /api/references/{referenceId} body (api.md). Enumerations arrive as text and are validated by field.</summary>
public sealed record ReferenceDto(
    string? Account,
    string? Industry,
    int? Employees,
    long? AnnualRevenueUsd,
    string? Country,
    List<string?>? Products,
    List<string?>? UseCases,
    List<string?>? MigratedFrom,
    string? OwnerEmail,
    string? Status,
    List<ContactDto?>? Contacts,
    string? HealthNotes = null,
    string? OwnerName = null);

public sealed record ContactDto(
    string? ContactId,
    string? Name,
    string? Email,
    string? Title,
    string? Seniority,
    string? Persona,
    string? TimeZone,
    List<string?>? Languages,
    List<string?>? Activities,
    List<string?>? Topics,
    int? MaxCallsPerQuarter = null,
    DateOnly? PausedUntil = null,
    DateOnly? ConsentExpires = null,
    string? Phone = null);
