using System.Text.Json;
using FsCheck.Xunit;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>Random programs of many requests: the promises hold whatever order commands arrive in.</summary>
public sealed class RequestProperties
{
    private static ProgramSimulation Play(int[] script, bool ignoreReservations = false)
    {
        var sim = new ProgramSimulation { IgnoreReservations = ignoreReservations };
        foreach (var code in script)
        {
            sim.Step(code);
        }

        return sim;
    }

    [Property(MaxTest = 300)]
    public void NoContactIsUsedAboveItsCap(int[] script)
    {
        var sim = Play(script);

        var perQuarter = sim.Ledger.GroupBy(u => (u.ReferenceId, u.ContactId, UsageIndex.QuarterStart(u.At)));
        foreach (var group in perQuarter)
        {
            var cap = group.Key.ContactId.EndsWith("c1", StringComparison.Ordinal) ? 2 : new WorkflowPolicy().MaxCallsPerQuarter;
            Assert.True(group.Count() <= cap, $"{group.Key.ReferenceId}/{group.Key.ContactId} used {group.Count()} times in a quarter (cap {cap})");
        }
    }

    // The simulation asserts, on every effect, that no email reaches a reference before their owner approved,
    // that every open request has a timer or a named person to wait on, and that timer ids never repeat.
    [Property(MaxTest = 300)]
    public void EveryStepKeepsTheWorkflowPromises(int[] script) => Play(script);

    [Property(MaxTest = 200)]
    public void StateRebuiltFromEventsEqualsTheStateKept(int[] script)
    {
        foreach (var (events, kept) in Play(script).Requests)
        {
            Assert.Equal(kept, Scenario.Fold(events));
            var stored = JsonSerializer.Serialize(events.ToArray());
            var reloaded = JsonSerializer.Deserialize<RequestEvent[]>(stored)!;
            Assert.Equal(kept, Scenario.Fold(reloaded));
        }
    }

    [Property(MaxTest = 200)]
    public void VersionsStrictlyIncrease(int[] script)
    {
        // The runtime numbers events by their position in the stream. The simulation checks that each one is a real
        // change of state; here, that a later version never carries an earlier time.
        foreach (var (events, _) in Play(script).Requests)
        {
            for (var v = 1; v < events.Count; v++)
            {
                Assert.True(events[v].At >= events[v - 1].At, $"event {v + 1} is earlier than event {v}");
            }

        }
    }

    [Property(MaxTest = 100)]
    public void RefusedCommandsLeaveNoTrace(int[] script)
    {
        var sim = Play(script);
        foreach (var (events, state) in sim.Requests.Where(r => !r.State.CanBeCancelled))
        {
            Assert.Throws<ReferenceFlow.Domain.Workflow.DomainException>(() => Scenario.Decider.Decide(new CancelRequest(Scenario.Rep, null, state.SubmittedAt), state));
            Assert.Equal(state, Scenario.Fold(events));
        }
    }

    [Fact]
    public void SimulationReachesEveryState()
    {
        // Guards the properties above against a simulation that never gets anywhere.
        var seen = new HashSet<RequestStatus>();
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var sim = Play([.. Enumerable.Range(0, 60).Select(_ => random.Next(0, ProgramSimulation.Kinds * 50))]);
            seen.UnionWith(sim.Requests.Select(r => r.State.Status));
        }

        Assert.Equal(Enum.GetValues<RequestStatus>().ToHashSet(), seen);
    }

    [Fact]
    public void CapPropertyCatchesMatchingThatIgnoresOtherRequests()
    {
        // Without treating other open requests' candidates as busy, two requests can both hold a call with one contact.
        var random = new Random(11);
        var overUsed = Enumerable.Range(0, 300).Any(_ =>
        {
            var sim = Play([.. Enumerable.Range(0, 80).Select(_ => random.Next(0, ProgramSimulation.Kinds * 50))], ignoreReservations: true);
            return sim.Ledger.GroupBy(u => (u.ReferenceId, u.ContactId, UsageIndex.QuarterStart(u.At)))
                .Any(g => g.Count() > (g.Key.ContactId.EndsWith("c1", StringComparison.Ordinal) ? 2 : 1));
        });

        Assert.True(overUsed);
    }
}
