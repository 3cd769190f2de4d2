namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// Real time plus an offset the test moves forward: waits measured in seconds run for real, and a
/// call scheduled hours ahead is reached by shifting (the timer sweeper then fires what became due).
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves "now" to <paramref name="at"/> if it lies ahead.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var gap = at - GetUtcNow();
        if (gap > TimeSpan.Zero) Advance(gap);
    }
}
