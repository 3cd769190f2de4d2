using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Tests.Support;

/// <summary>
/// A small reference program driven by a script of numbers: several requests share one directory and
/// one usage ledger, the way the app layer runs them (match with other requests' reserved contacts as busy,
/// apply RecordUsage effects as upserts). Every step checks the invariants the decider promises.
/// </summary>
public sealed class ProgramSimulation
{
    private readonly WorkflowPolicy policy = new();
    private readonly RequestDecider decider;
    private readonly List<ReferenceAccount> directory;
    private readonly Dictionary<(string, string, string), ContactUsage> ledger = [];
    private readonly List<Tracked> requests = [];
    private readonly HashSet<string> timerIds = [];
    private DateTimeOffset now = Sample.Now;

    /// <summary>How many kinds of step a script number can mean.</summary>
    public const int Kinds = 18;

    public ProgramSimulation()
    {
        decider = new RequestDecider(policy);
        directory = [.. Enumerable.Range(0, 4).Select(a => Sample.Account($"acc{a}", employees: 5000 + (a * 2000), contacts:
            [Sample.Contact($"a{a}c0"), Sample.Contact($"a{a}c1", seniority: Seniority.Director, cap: 2)]))];
    }

    /// <summary>For checking that the properties can fail: match without other requests' reservations.</summary>
    public bool IgnoreReservations { get; init; }

    public IReadOnlyCollection<ContactUsage> Ledger => ledger.Values;

    public IReadOnlyList<(List<RequestEvent> Events, RequestState State)> Requests => [.. requests.Select(r => (r.Events, r.State))];

    public int Step(int code)
    {
        var kind = Math.Abs(code % Kinds);
        var pick = Math.Abs(code / Kinds);
        now = now.AddHours(1 + (pick % 7));
        if (kind == 0 || requests.Count == 0)
        {
            return Submit(pick);
        }

        var r = requests[pick % requests.Count];
        var s = r.State;
        var current = s.Current;
        RequestCommand? command = kind switch
        {
            1 or 2 when current is not null => new DecideAsOwner(s.Step ?? "owner:0", current.Account.OwnerEmail, kind == 1, null, now),
            3 when current is not null => new DecideAsOwner(pick % 2 == 0 ? "owner:0" : s.Step ?? "x", pick % 3 == 0 ? "intruder@else.example" : current.Account.OwnerEmail, true, null, now),
            4 or 5 when current is not null => new DecideAsReference(s.Step ?? "consent:0", current.Contact.Email, kind == 4, null, now),
            6 => new ProposeSlot(new ProposedSlot(now.AddHours(2), now.AddHours(2.5), pick % 5 != 0), now),
            7 or 8 => new SubmitDebrief(kind == 7, true, null, null, null, Scenario.Rep, now),
            9 => new RecordOutcome(pick % 2 == 0 ? DealOutcome.Won : DealOutcome.Lost, now),
            10 => new CancelRequest(Scenario.Rep, null, now),
            11 when s.PendingTimers.Count > 0 => Fire(s.PendingTimers.MinBy(t => t.DueAt)!),
            12 => new RecordEffectFailure(new EffectFailure($"e{pick}", "SendEmail", "550", 5), now),
            13 when r.Armed.Count > 0 => new TimerElapsed(r.Armed[pick % r.Armed.Count], now),
            >= 14 => Advance(s),
            _ => null,
        };
        return command is null ? 0 : Apply(r, command);
    }

    /// <summary>The answer each state hopes for, so that scripts get deep into the workflow often.</summary>
    private RequestCommand? Advance(RequestState s) => s.Status switch
    {
        RequestStatus.AwaitingOwnerApproval => new DecideAsOwner(s.Step!, s.Current!.Account.OwnerEmail, true, null, now),
        RequestStatus.AwaitingReferenceConsent => new DecideAsReference(s.Step!, s.Current!.Contact.Email, true, null, now),
        RequestStatus.Scheduling => new ProposeSlot(new ProposedSlot(now.AddHours(2), now.AddHours(2.5), true), now),
        RequestStatus.Introduced => Fire(s.PendingTimers.Single()),
        RequestStatus.AwaitingDebrief => new SubmitDebrief(true, true, null, null, null, Scenario.Rep, now),
        RequestStatus.Completed => new RecordOutcome(DealOutcome.Won, now),
        _ => null,
    };

    private TimerElapsed Fire(TimerDue timer)
    {
        if (timer.DueAt > now)
        {
            now = timer.DueAt;
        }

        return new TimerElapsed(timer, now);
    }

    private HashSet<ContactKey> Busy() =>
        IgnoreReservations ? [] : requests.Where(r => r.State.IsOpen).SelectMany(r => r.State.HeldContacts).ToHashSet();

    private int Submit(int pick)
    {
        var busy = Busy();
        var intake = Sample.Intake(
            purpose: pick % 9 == 0 ? Purpose.Exploring : Purpose.Validate,
            neededBy: DateOnly.FromDateTime(now.UtcDateTime).AddDays(pick % 4 == 0 ? 1 : 20));
        var candidates = Matcher.Rank(intake, directory, ledger.Values, busy, now, policy, take: 1 + (pick % 3));
        var tracked = new Tracked($"req-{requests.Count + 1}");
        requests.Add(tracked);
        return Apply(tracked, new SubmitRequest(tracked.Id, intake, Scenario.Rep, Scenario.Pm, candidates, now));
    }

    private int Apply(Tracked r, RequestCommand command)
    {
        IReadOnlyList<RequestEvent> events;
        try
        {
            events = decider.Decide(command, r.State);
        }
        catch (DomainException)
        {
            return 0; // refused: nothing recorded
        }

        foreach (var e in events)
        {
            var before = r.State;
            r.State = decider.Evolve(r.State, e);
            r.Events.Add(e);
            Assert.True(r.State.Sequence >= before.Sequence, "the step counter went backwards");
            Assert.NotEqual(before, r.State); // a new version is always a real change
            if (e is OwnerApproved)
            {
                r.Approved.Add(before.CurrentIndex);
            }

            foreach (var effect in decider.Effects(e, r.State))
            {
                Check(r, effect);
            }
        }

        if (r.State.CheckingFrom is not null)
        {
            // Moving on: the workflow checks the later candidates against the program as it is now, then answers.
            var check = decider.Effects(events[^1], r.State).OfType<CheckCandidates>().Single().Check;
            var chosen = NextCandidate.Choose(check, directory, UsageIndex.Build(ledger.Values, now), Busy(), policy);
            return events.Count + Apply(r, new ChooseCandidate(chosen, now));
        }

        Assert.True(!r.State.IsOpen || r.State.PendingTimers.Count > 0 || r.State.WaitingOn is not null,
            $"{r.Id} is {r.State.Status} with no timer and nobody to wait on");
        return events.Count;
    }

    private void Check(Tracked r, Effect effect)
    {
        switch (effect)
        {
            case SendEmail mail:
                var to = mail.Email.To.Concat(mail.Email.Cc ?? []).Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < r.State.Candidates.Count; i++)
                {
                    Assert.False(to.Contains(r.State.Candidates[i].Contact.Email) && !r.Approved.Contains(i),
                        $"{mail.Email.Kind} went to candidate {i} of {r.Id} before their owner approved");
                }

                break;
            case StartTimer timer:
                Assert.True(timerIds.Add($"{r.Id}/{timer.Timer.TimerId}"), $"timer id {timer.Timer.TimerId} armed twice");
                r.Armed.Add(timer.Timer);
                break;
            case RecordUsage use:
                ledger[(use.ReferenceId, use.ContactId, use.RequestId)] =
                    new ContactUsage(use.ReferenceId, use.ContactId, use.RequestId, Enum.Parse<Activity>(use.Activity), use.At);
                break;
        }
    }

    private sealed class Tracked(string id)
    {
        public string Id { get; } = id;
        public RequestState State { get; set; } = RequestState.Initial;
        public List<RequestEvent> Events { get; } = [];
        public HashSet<int> Approved { get; } = [];
        public List<TimerDue> Armed { get; } = [];
    }
}
