namespace ReferenceFlow.Domain.People;

/// <summary>What one source says about a staff address: a name, an IANA time zone, or both (an empty name when it knows only the zone).</summary>
public sealed record KnownName(string Email, string Name, NameSource Source, string? TimeZoneId = null);
