using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Tests.Support;

/// <summary>Histories of one request reaching each state along the happy path, built by the decider itself.</summary>
public static class Scenario
{
    public const string Rep = "rep@demo.local";
    public const string Pm = "pm@demo.local";
    public const string Id = "req-1";

    public static readonly WorkflowPolicy Policy = new();
    public static readonly RequestDecider Decider = new(Policy);

    public static IReadOnlyList<Candidate> Candidates(int count = 2) =>
        Matcher.Rank(Sample.Intake(), [.. Enumerable.Range(0, count).Select(i => Sample.Account($"acc{i}", employees: 9000 + (i * 3000), contacts: [Sample.Contact($"c{i}")]))],
            [], new HashSet<ContactKey>(), Sample.Now, Policy, count);

    public static DateTimeOffset T(double hours) => Sample.Now.AddHours(hours);

    public static SubmitRequest Submit(RequestIntake? intake = null, IReadOnlyList<Candidate>? candidates = null) =>
        new(Id, intake ?? Sample.Intake(), Rep, Pm, candidates ?? Candidates(), Sample.Now);

    public static ProposedSlot Slot => new(T(26), T(26.5), true);

    public static List<RequestEvent> AwaitingOwnerApproval() => Run(Submit());

    public static List<RequestEvent> AwaitingReferenceConsent()
    {
        var history = AwaitingOwnerApproval();
        return Then(history, s => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, true, null, T(1)));
    }

    public static List<RequestEvent> LookingForSlot()
    {
        var history = AwaitingReferenceConsent();
        return Then(history, s => new DecideAsReference(s.Step!, s.Current!.Contact.Email, true, null, T(2)));
    }

    public static List<RequestEvent> Introduced() => Then(LookingForSlot(), _ => new ProposeSlot(Slot, T(2.1)));

    public static List<RequestEvent> AwaitingDebrief() => Then(Introduced(), s => new TimerElapsed(s.PendingTimers.Single(), T(29)));

    public static List<RequestEvent> Completed() => Then(AwaitingDebrief(), _ => new SubmitDebrief(true, true, "pricing", "OtherCo says we lack SSO", null, Rep, T(30)));

    public static List<RequestEvent> Closed() => Then(Completed(), _ => new RecordOutcome(DealOutcome.Won, T(40)));

    public static List<RequestEvent> Cancelled() => Then(AwaitingOwnerApproval(), _ => new CancelRequest(Rep, "deal paused", T(1)));

    public static List<RequestEvent> Deferred() => Run(Submit(Sample.Intake(purpose: Purpose.Exploring)));

    public static List<RequestEvent> Unfulfilled() => Run(Submit(candidates: []));

    public static RequestState Fold(IEnumerable<RequestEvent> events) => events.Aggregate(Decider.Initial, Decider.Evolve);

    public static List<RequestEvent> Run(params RequestCommand[] commands)
    {
        var events = new List<RequestEvent>();
        foreach (var command in commands)
        {
            events.AddRange(Decider.Decide(command, Fold(events)));
        }

        return events;
    }

    /// <summary>The history after <paramref name="next"/>; a move to the next candidate is settled as the workflow settles it when all are free.</summary>
    public static List<RequestEvent> Then(List<RequestEvent> history, Func<RequestState, RequestCommand> next)
    {
        var state = Fold(history);
        return Settled([.. history, .. Decider.Decide(next(state), state)]);
    }

    /// <summary>Answers a candidate check the events end with by choosing <paramref name="index"/> (default: the first candidate checked).</summary>
    public static List<RequestEvent> Settled(List<RequestEvent> events, int? index = -1)
    {
        if (events.Count == 0 || events[^1] is not CandidateCheckRequested check) return events;
        var state = Fold(events);
        return [.. events, .. Decider.Decide(new ChooseCandidate(index == -1 ? check.FromIndex : index, check.At), state)];
    }
}
