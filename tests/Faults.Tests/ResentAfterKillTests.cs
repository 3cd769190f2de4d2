using ReferenceFlow.Bench.Faults;

namespace ReferenceFlow.Faults.Tests;

/// <summary>The one repeat the fault suite allows (decision 022), and the repeats it still fails on.</summary>
public sealed class ResentAfterKillTests
{
    private static readonly DateTimeOffset FirstSeen = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACopyALeaseLaterAfterAKillJustAfterTheFirstIsAllowed()
    {
        Assert.True(Verdict.ResentAfterKill(FirstSeen, FirstSeen + Rig.EmailClaimLease, [FirstSeen.AddSeconds(2)]));
        Assert.True(Verdict.ResentAfterKill(FirstSeen, FirstSeen + Rig.EmailClaimLease, [FirstSeen.AddSeconds(-1)]));
    }

    [Fact]
    public void TwoCopiesTogetherAreADoubleSendEvenWithAKillBetween() =>
        Assert.False(Verdict.ResentAfterKill(FirstSeen, FirstSeen.AddSeconds(5), [FirstSeen.AddSeconds(1)]));

    [Fact]
    public void ARepeatWithNoKillNearTheFirstCopyIsADuplicate()
    {
        Assert.False(Verdict.ResentAfterKill(FirstSeen, FirstSeen + Rig.EmailClaimLease, []));
        Assert.False(Verdict.ResentAfterKill(FirstSeen, FirstSeen + Rig.EmailClaimLease, [FirstSeen.AddSeconds(30)]));
        Assert.False(Verdict.ResentAfterKill(FirstSeen, FirstSeen + Rig.EmailClaimLease, [FirstSeen.AddSeconds(-20)]));
    }
}
