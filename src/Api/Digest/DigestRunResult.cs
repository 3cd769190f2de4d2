namespace ReferenceFlow.Api.Digest;

/// <summary>What one look at the digest did.</summary>
public enum DigestRunResult
{
    /// <summary>Turned off by configuration.</summary>
    Off,

    /// <summary>Before the send hour.</summary>
    NotYet,

    /// <summary>Today's digest was sent, is being sent, or found nothing waiting, in an earlier run or another running now.</summary>
    AlreadyDecided,

    /// <summary>Nothing waited on the program manager: no digest today.</summary>
    NothingWaited,

    Sent,
}
