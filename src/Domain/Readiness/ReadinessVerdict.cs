namespace ReferenceFlow.Domain.Readiness;

/// <summary>The gate's decision with its reasons in plain words, and alternatives when deferred.</summary>
public sealed record ReadinessVerdict(ReadinessOutcome Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<string> Alternatives)
{
    /// <summary>The reasons as one sentence, for emails and the request's status.</summary>
    public string Summary => Reasons.Count == 0 ? "Ready." : string.Join("; ", Reasons) + ".";
}
