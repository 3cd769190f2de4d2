using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Readiness;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using Gate = ReferenceFlow.Domain.Readiness.ReadinessGate;
using Outcome = ReferenceFlow.Domain.Readiness.ReadinessOutcome;

namespace ReferenceFlow.Domain.Tests.Readiness;

public sealed class ReadinessGateTests
{
    private static readonly WorkflowPolicy Policy = new();

    [Fact]
    public void QualifiedRequestWithLeadTimeIsReady()
    {
        var verdict = Gate.Assess(Sample.Intake(), Sample.Now, Policy);

        Assert.Equal(Outcome.Ready, verdict.Outcome);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void ExploringProspectIsDeferredWithAlternatives()
    {
        var verdict = Gate.Assess(Sample.Intake(purpose: Purpose.Exploring), Sample.Now, Policy);

        Assert.Equal(Outcome.Deferred, verdict.Outcome);
        Assert.Equal(["the prospect is still exploring"], verdict.Reasons);
        Assert.Contains("Case studies from Healthcare customers", verdict.Alternatives);
        Assert.Contains("Recorded customer talks on migration, implementation", verdict.Alternatives);
        Assert.Contains(verdict.Alternatives, a => a.Contains("events", StringComparison.Ordinal));
    }

    [Fact]
    public void EarlyStageIsDeferred() =>
        Assert.Equal(["the opportunity is at an early stage (Discovery)"], Gate.Assess(Sample.Intake(stage: "Discovery"), Sample.Now, Policy).Reasons);

    [Fact]
    public void EveryUntickedChecklistItemIsNamed()
    {
        var verdict = Gate.Assess(Sample.Intake(qualification: new Qualification(false, true, false, true)), Sample.Now, Policy);

        Assert.Equal(Outcome.Deferred, verdict.Outcome);
        Assert.Equal(["no decision-maker buy-in yet", "budget not confirmed"], verdict.Reasons);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void MissingCommitmentIsDeferred(string? commitment) =>
        Assert.Equal(Outcome.Deferred, Gate.Assess(Sample.Intake(commitment: commitment), Sample.Now, Policy).Outcome);

    [Fact]
    public void NeedByInsideTheLeadTimeIsRushed()
    {
        var verdict = Gate.Assess(Sample.Intake(neededBy: new DateOnly(2026, 11, 20)), Sample.Now, Policy);

        Assert.Equal(Outcome.Rushed, verdict.Outcome);
        Assert.Equal("needed by Fri 20 Nov 2026, inside the minimum lead time of 3 days.", verdict.Summary);
    }

    [Fact]
    public void NeedByExactlyAtTheLeadTimeIsReady() =>
        Assert.Equal(Outcome.Ready, Gate.Assess(Sample.Intake(neededBy: new DateOnly(2026, 11, 21)), new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), Policy).Outcome);

    [Fact]
    public void NeedByInThePastIsRushedAndSaysSo() =>
        Assert.Contains("already passed", Gate.Assess(Sample.Intake(neededBy: new DateOnly(2026, 11, 1)), Sample.Now, Policy).Summary, StringComparison.Ordinal);

    [Fact]
    public void NeedByTodayIsRushedButNotPast() =>
        Assert.Equal("needed by Wed 18 Nov 2026, inside the minimum lead time of 3 days.",
            Gate.Assess(Sample.Intake(neededBy: new DateOnly(2026, 11, 18)), Sample.Now, Policy).Summary);

    [Fact]
    public void TooEarlyWinsOverRushed() =>
        Assert.Equal(Outcome.Deferred, Gate.Assess(Sample.Intake(purpose: Purpose.Exploring, neededBy: new DateOnly(2026, 11, 19)), Sample.Now, Policy).Outcome);
}
