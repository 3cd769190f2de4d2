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

    [Fact]
    public void TheSecondHostIsKilledAsItsFaultEndsAndTheMainHostAsItsBegins()
    {
        Fault[] faults =
        [
            new("a second host started, then killed -9", FirstSeen.AddSeconds(-25), FirstSeen.AddSeconds(-0.2), TimeSpan.Zero),
            new("kill -9 of the host, then a restart", FirstSeen.AddSeconds(40), FirstSeen.AddSeconds(44), TimeSpan.Zero),
            new("storage stopped for 20 s", FirstSeen.AddSeconds(-1), FirstSeen.AddSeconds(20), TimeSpan.Zero),
        ];

        Assert.Equal([FirstSeen.AddSeconds(-0.2), FirstSeen.AddSeconds(40)], Verdict.Kills(faults));
        // The second host killed just as the first copy went out: its claim lapsed, and the copy a lease later is allowed.
        Assert.True(Verdict.ResentAfterKill(FirstSeen, FirstSeen.AddSeconds(73), Verdict.Kills(faults)));
    }
}
