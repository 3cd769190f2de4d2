using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Preferences;

/// <summary>
/// What a reference contact asked for on their self-service page: the settings as they want them from now on, or to
/// leave the program. Validated at the edge (dates, activities, the program's cap) before it gets here.
/// </summary>
public sealed record PreferenceChange(
    DateOnly? PausedUntil,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<string> Topics,
    int? MaxCallsPerQuarter,
    bool LeaveProgram = false);

/// <summary>One line of a contact's change log: what changed, when.</summary>
public sealed record PreferenceChangeEntry(DateTimeOffset At, string What);
