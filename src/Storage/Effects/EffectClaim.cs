namespace ReferenceFlow.Storage.Effects;

/// <summary>The answer to a claim on an effect: perform it, skip it (done), or come back after <paramref name="RetryIn"/>.</summary>
public sealed record EffectClaim(bool Won, bool Done, TimeSpan RetryIn)
{
    public static readonly EffectClaim Claimed = new(true, false, TimeSpan.Zero);
    public static readonly EffectClaim Completed = new(false, true, TimeSpan.Zero);

    public static EffectClaim Busy(TimeSpan retryIn) => new(false, false, retryIn);
}
