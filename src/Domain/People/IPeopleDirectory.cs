namespace ReferenceFlow.Domain.People;

/// <summary>
/// The one place that answers "who is this address" for staff. Email rendering and the pages ask it; it asks every
/// <see cref="IPeopleSource"/> and lets <see cref="StaffPrecedence"/> choose. A port here, in the Domain, because the
/// email adapter (below the workflow) and the pages (above it) both need it (decision 033).
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>Each address as best known, keyed by address in any case; every address asked for has an entry.</summary>
    Task<IReadOnlyDictionary<string, StaffMember>> FindAsync(IEnumerable<string> emails, CancellationToken cancellationToken);
}
