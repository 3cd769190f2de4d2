namespace ReferenceFlow.Domain.People;

/// <summary>
/// One of our staff (a rep, an account owner, the program manager) as the people directory knows them: the address we
/// have for them, their display name when any source knows it, and their IANA time zone when any source knows it.
/// </summary>
public sealed record StaffMember(string Email, string? Name, string? TimeZoneId)
{
    /// <summary>Somebody no source knows: they can only be shown by their address.</summary>
    public static StaffMember Unnamed(string email) => new(email, null, null);

    /// <summary>How a person reads them: their name, or their whole address when no name is known (never a part of it).</summary>
    public string Shown => string.IsNullOrWhiteSpace(Name) ? Email : Name.Trim();

    public bool IsNamed => !string.IsNullOrWhiteSpace(Name);
}
