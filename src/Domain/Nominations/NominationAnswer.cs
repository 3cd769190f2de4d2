using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Nominations;

/// <summary>The contact's own answer to the invitation: yes with what they agree to, or no.</summary>
public sealed record NominationAnswer(
    bool Accepted, DateTimeOffset At, IReadOnlyList<Activity> Activities, IReadOnlyList<string> Topics, int? MaxCallsPerQuarter, string? Reason = null);
