using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>
/// Eight requests of a fortnight, decided by the real decider at chosen times and written through the workflow's own
/// program figures writer, as the request's activity does, all eight at once. Every decision is written twice at once and
/// the first decisions again at the end, as at-least-once delivery may. The figures they must give are worked out by hand in
/// <see cref="ProgramApiContract"/>.
/// </summary>
public sealed class ProgramFixture(IServiceProvider services, string tag)
{
    /// <summary>The fortnight: Monday 3 to Sunday 16 March 2031 (UTC). Request 8 falls after it.</summary>
    public static readonly DateOnly From = new(2031, 3, 3);
    public static readonly DateOnly To = new(2031, 3, 16);

    public const decimal Amount = 100_000m;

    private readonly RequestDecider _decider = new(services.GetRequiredService<WorkflowPolicy>());
    private readonly ProgramFactsWriter _writer = services.GetRequiredService<ProgramFactsWriter>();
    private readonly System.Collections.Concurrent.ConcurrentBag<Decision> _firsts = [];

    public string Account(string letter) => $"pf{tag}{letter}";

    public async Task SeedAsync()
    {
        // The requests at once, as the workflow's activities and submitters record them: their decisions share writes.
        await Task.WhenAll(
            // 1: approved with a reason, accepted, introduced a day after submission, call held with a gift, won.
            RunAsync("1", [Account("a")], At(3, 9), [
                s => Owner(s, true, "Strong fit for the renewal", At(3, 15)),
                s => Reference(s, true, null, At(4, 9)),
                _ => new ProposeSlot(new ProposedSlot(At(5, 9), At(5, 10), true), At(4, 9)),
                _ => new SubmitDebrief(true, true, null, null, null, "rep@demo.local", At(6, 10), new Gift(GiftKind.WhitePaper)),
                _ => new RecordOutcome(DealOutcome.Won, At(10, 12)),
            ]),
            // 2: the first owner declines, the second reference declines, the third takes the call (no gift); lost.
            RunAsync("2", [Account("b"), Account("c"), Account("d")], At(3, 12), [
                s => Owner(s, false, "Customer is  mid-escalation", At(3, 18)),
                _ => new ChooseCandidate(1, At(3, 18)),
                s => Owner(s, true, null, At(4, 12)),
                s => Reference(s, false, "Too busy this quarter", At(5, 12)),
                _ => new ChooseCandidate(2, At(5, 12)),
                s => Owner(s, true, null, At(5, 13)),
                s => Reference(s, true, null, At(5, 18)),
                _ => new ProposeSlot(new ProposedSlot(At(10, 9), At(10, 10), true), At(6, 12)),
                _ => new SubmitDebrief(true, true, null, null, null, "rep@demo.local", At(11, 9)),
                _ => new RecordOutcome(DealOutcome.Lost, At(12, 9)),
            ]),
            // 3: introduced six hours after submission, the call did not happen, the deal was won before another.
            RunAsync("3", [Account("c")], At(4, 10), [
                s => Owner(s, true, null, At(4, 11)),
                s => Reference(s, true, null, At(4, 14)),
                _ => new ProposeSlot(new ProposedSlot(At(6, 9), At(6, 10), true), At(4, 16)),
                _ => new SubmitDebrief(false, false, null, null, null, "rep@demo.local", At(7, 10)),
                _ => new RecordOutcome(DealOutcome.Won, At(12, 10)),
            ]),
            // 4: cancelled before the owner answered.
            RunAsync("4", [Account("a")], At(5, 9), [_ => new CancelRequest("rep@demo.local", "Deal paused", At(5, 10))]),
            // 5: approved with the same reason as 1, the reference not yet answered.
            RunAsync("5", [Account("b")], At(10, 9), [s => Owner(s, true, "Strong  fit for the renewal", At(10, 10))]),
            // 6: nobody in the directory fits: unfulfilled. 7: only exploring: deferred. 8: after the fortnight.
            RunAsync("6", [], At(14, 9), []),
            RunAsync("7", [Account("a")], At(14, 10), [], Purpose.Exploring),
            RunAsync("8", [Account("a")], At(20, 9), []));

        await Task.WhenAll(_firsts.Select(first => _writer.RecordAsync(first, default)));
    }

    private async Task RunAsync(
        string n, IReadOnlyList<string> accounts, DateTimeOffset submitted, IReadOnlyList<Func<RequestState, RequestCommand>> then,
        Purpose purpose = Purpose.Validate)
    {
        var id = $"pf{tag}-{n}";
        var intake = Intake(submitted, purpose);
        var candidates = accounts.SelectMany(a => Matcher.Rank(intake, [Reference(a)], [], new HashSet<ContactKey>(), submitted,
            services.GetRequiredService<WorkflowPolicy>(), 1)).ToList();
        Assert.Equal(accounts.Count, candidates.Count);
        var state = RequestState.Initial;
        long version = 0;
        foreach (var command in then.Select(next => (Func<RequestState, RequestCommand>)next).Prepend(_ => new SubmitRequest(id, intake, "rep@demo.local", "pm@demo.local", candidates, submitted)))
        {
            var decision = Decision.Make(_decider, id, version, state, _decider.Decide(command(state), state));
            Assert.NotEmpty(decision.Events);
            if (version == 0) _firsts.Add(decision);
            await Task.WhenAll(_writer.RecordAsync(decision, default), _writer.RecordAsync(decision, default));
            (state, version) = (decision.After, decision.ToVersion);
        }
    }

    private static DecideAsOwner Owner(RequestState s, bool approve, string? reason, DateTimeOffset at) =>
        new(s.Step!, s.Current!.Account.OwnerEmail, approve, reason, at);

    private static DecideAsReference Reference(RequestState s, bool accept, string? reason, DateTimeOffset at) =>
        new(s.Step!, s.Current!.Contact.Email, accept, reason, at);

    private static DateTimeOffset At(int day, int hour) => new(2031, 3, day, hour, 0, 0, TimeSpan.Zero);

    private static RequestIntake Intake(DateTimeOffset submitted, Purpose purpose) =>
        new(new Opportunity("OPP-PF", "Fixture analytics", "Negotiation", Amount, new DateOnly(2031, 6, 30)),
            new ProspectProfile("Fixture Health", "Healthcare", 9000, "FR", ["Analytics Cloud"], "claims analytics", "LegacyBI",
                "Paul Martin", "paul@fixture.example", "VP Analytics", Seniority.VP, Persona.Business, "Europe/Paris", "fr"),
            purpose, ["migration"], Activity.Call, DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(30),
            new Qualification(true, true, true, true), "If the story holds, we sign.");

    private static ReferenceAccount Reference(string id) =>
        new(id, $"Account {id}", "Healthcare", 12000, 2_500_000_000, "FR", ["Analytics Cloud"], ["claims analytics"], ["LegacyBI"],
            $"owner-{id}@vendor.example", AccountStatus.Active,
            [new ReferenceContact("c1", $"Contact {id}", $"c1@{id}.example", "VP Data", Seniority.VP, Persona.Business, "Europe/Paris",
                ["fr", "en"], [Activity.Call], ["migration"], 3, null, new DateOnly(2032, 6, 30), null)], null);
}
