using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>Real request histories, decided by the Domain's own decider, for the store to keep.</summary>
public static class Story
{
    public const string Rep = "rep@demo.local";
    public const string Pm = "pm@demo.local";

    public static readonly WorkflowPolicy Policy = new();
    public static readonly RequestDecider Decider = new(Policy);

    public static IReadOnlyList<Candidate> Candidates(int count) =>
        Matcher.Rank(Sample.Intake(), [.. Enumerable.Range(0, count).Select(i => Sample.Account($"acc{i}", employees: 9000 + (i * 300)))],
            [], new HashSet<ContactKey>(), Sample.Now, Policy, count);

    /// <summary>The events of a submission and the state they lead to.</summary>
    public static Decided Submitted(string requestId, int candidates = 2) =>
        Then(RequestState.Initial, new SubmitRequest(requestId, Sample.Intake(), Rep, Pm, Candidates(candidates), Sample.Now));

    /// <summary>The current candidate's owner approves.</summary>
    public static Decided OwnerApproves(RequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Then(state, new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, Sample.Now.AddHours(1)));
    }

    public static Decided Then(RequestState state, RequestCommand command)
    {
        var events = Decider.Decide(command, state);
        return new Decided(events, events.Aggregate(state, Decider.Evolve));
    }
}

/// <summary>What one command decided, and the state after it.</summary>
public sealed record Decided(IReadOnlyList<RequestEvent> Events, RequestState State);
