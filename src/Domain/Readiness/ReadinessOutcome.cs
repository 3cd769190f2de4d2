namespace ReferenceFlow.Domain.Readiness;

/// <summary>What the readiness gate decides about a request before any reference is asked.</summary>
public enum ReadinessOutcome
{
    /// <summary>Qualified and enough lead time: match and ask the owner.</summary>
    Ready,

    /// <summary>Too early: not worth a reference's time yet; the rep gets alternatives.</summary>
    Deferred,

    /// <summary>Qualified but needed inside the minimum lead time: proceed, flagged, with the program manager told.</summary>
    Rushed,
}
