namespace ReferenceFlow.Domain.People;

/// <summary>
/// Which source wins when several name one address: the most trusted source with a name (<see cref="NameSource"/>
/// order); the time zone comes from the most trusted source that has one, which need not be the same source.
/// </summary>
public static class StaffPrecedence
{
    public static StaffMember Pick(string email, IEnumerable<KnownName> known)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(known);
        var mine = known.Where(k => Same(k.Email, email)).OrderBy(k => k.Source).ToList();
        var name = mine.FirstOrDefault(k => !string.IsNullOrWhiteSpace(k.Name))?.Name.Trim();
        var zone = mine.FirstOrDefault(k => !string.IsNullOrWhiteSpace(k.TimeZoneId))?.TimeZoneId!.Trim();
        return new StaffMember(email.Trim(), name, zone);
    }

    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
