namespace ReferenceFlow.Domain.People;

/// <summary>What one source says about a staff address.</summary>
public sealed record KnownName(string Email, string Name, NameSource Source, string? TimeZoneId = null);
