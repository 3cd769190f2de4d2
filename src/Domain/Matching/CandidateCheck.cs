using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>What the workflow checks before asking the next owner: the candidates left, in ranked order, from <see cref="FromIndex"/>.</summary>
public sealed record CandidateCheck(Activity Activity, IReadOnlyList<ContactKey> Remaining, int FromIndex, DateTimeOffset At);
