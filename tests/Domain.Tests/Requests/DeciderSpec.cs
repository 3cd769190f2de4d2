using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>Given (past events) / When (a command) / Then (new events, or a refusal).</summary>
public abstract class DeciderSpec
{
    private RequestState state = RequestState.Initial;

    protected static RequestDecider Decider => Scenario.Decider;

    protected RequestState State => state;

    protected void Given(IEnumerable<RequestEvent> history) => state = Scenario.Fold(history);

    protected IReadOnlyList<RequestEvent> When(RequestCommand command) => Decider.Decide(command, state);

    protected RequestState After(IReadOnlyList<RequestEvent> events) => events.Aggregate(state, Decider.Evolve);

    /// <summary>The events of <paramref name="command"/> and, when they move on, of the workflow's answer to the candidate check: <paramref name="chosen"/>.</summary>
    protected IReadOnlyList<RequestEvent> WhenMovedOn(RequestCommand command, int? chosen)
    {
        var events = When(command);
        var check = Assert.IsType<CandidateCheckRequested>(events[^1]);
        return [.. events, .. Decider.Decide(new ChooseCandidate(chosen, check.At), After(events))];
    }

    protected void ThenRefused(RequestCommand command, string because)
    {
        var error = Assert.Throws<DomainException>(() => Decider.Decide(command, state));
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    protected static void ThenTypes(IReadOnlyList<RequestEvent> events, params Type[] types) =>
        Assert.Equal(types, events.Select(e => e.GetType()));
}
