using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>
/// Runs a year of demand through the real decider as a discrete-event simulation: people answer after realistic
/// delays (owners approve 80%, references accept 75%, 10% of calls are no-shows), every timer fires when due, and
/// matching, moving on and usage go as <see cref="Strategy"/> says.
/// </summary>
internal sealed class YearOfDemand(
    Strategy strategy, IReadOnlyList<ReferenceAccount> accounts, int seed, CapacityWatch? watch = null, double fromNowOn = 0)
{
    // The directory as it stands: owners' "from now on" changes accounts' standing approvals during the year.
    private readonly List<ReferenceAccount> directory = [.. accounts];
    // Strategies from before parallel asks keep to one at a time.
    private readonly WorkflowPolicy _policy = strategy.AsksInParallel() ? new() : new() { ParallelAsks = 1 };
    private RequestDecider Decider => field ??= new(_policy);
    private readonly Random _people = new(seed);
    private readonly PriorityQueue<Action, DateTimeOffset> _agenda = new();
    private readonly Dictionary<string, RequestState> _requests = [];
    private readonly Dictionary<string, List<RequestEvent>> _histories = [];
    private readonly HashSet<string> _introduced = [];
    private readonly List<(DateTimeOffset SubmittedAt, TimeSpan Took)> _toIntroduction = [];
    private readonly List<ContactUsage> _ledger = [];
    private readonly List<(RequestState Request, DateTimeOffset CallAt)> _calls = [];
    private DateTimeOffset _now;

    public Outcome Run(IReadOnlyList<(DateTimeOffset At, RequestIntake Intake)> demand)
    {
        foreach (var (at, intake) in demand)
        {
            _agenda.Enqueue(() => Submit(intake), at);
        }
        // The last requests get time to finish; reminders and nudges beyond that are not part of the year.
        var end = demand.Count == 0 ? DateTimeOffset.MinValue : demand[^1].At.AddDays(60);
        if (watch is not null && demand.Count > 0)
        {
            // The program manager looks at the forecast every Monday morning of the year.
            for (var monday = demand[0].At.Date; monday <= demand[^1].At; monday = monday.AddDays(7))
            {
                var day = DateOnly.FromDateTime(monday);
                _agenda.Enqueue(() => watch.Look(day, _requests.Select(r => (r.Value, (IReadOnlyList<RequestEvent>)_histories[r.Key])), _ledger),
                    new DateTimeOffset(monday, TimeSpan.Zero));
            }
        }
        while (_agenda.TryDequeue(out var next, out var at) && at <= end)
        {
            _now = at;
            next();
        }
        // The second half of the year shows a program after what it learned (the owners' "from now on") has built up.
        var halfway = demand.Count == 0 ? DateTimeOffset.MinValue : demand[0].At + ((demand[^1].At - demand[0].At) / 2);
        return Outcome.Of(strategy, directory, _requests.Values.ToList(), _calls, _ledger, _policy, _toIntroduction, halfway);
    }

    private void Submit(RequestIntake intake)
    {
        var id = $"r{_requests.Count}";
        var candidates = strategy == Strategy.GreedyBestMatch
            ? Matcher.Rank(intake, directory, [], new HashSet<ContactKey>(), _now, _policy)
            : Matcher.Rank(intake, directory, _ledger, Busy(), _now, _policy);
        _requests[id] = RequestState.Initial;
        _histories[id] = [];
        Apply(id, new SubmitRequest(id, intake, "rep@vendor.example", "pm@vendor.example", candidates, _now));
    }

    /// <summary>The contacts matching must leave alone, as the strategy sees it.</summary>
    private HashSet<ContactKey> Busy() => strategy switch
    {
        Strategy.ReserveAllCandidates => _requests.Values.Where(r => r.IsOpen && r.Status != RequestStatus.Completed && r.CurrentIndex >= 0)
            .SelectMany(r => r.Candidates.Skip(r.CurrentIndex).Select(c => c.Key)).ToHashSet(),
        Strategy.GreedyBestMatch => [],
        _ => _requests.Values.SelectMany(r => r.HeldContacts).ToHashSet(),
    };

    /// <summary>Decides <paramref name="command"/> and what follows: the events, or null when the state no longer takes it.</summary>
    private IReadOnlyList<RequestEvent>? Apply(string id, RequestCommand command)
    {
        var before = _requests[id];
        IReadOnlyList<RequestEvent> events;
        try
        {
            events = Decider.Decide(command, before);
        }
        catch (DomainException)
        {
            return null;
        }
        var state = before;
        _histories[id].AddRange(events);
        var reactions = new List<(RequestEvent, RequestState)>();
        foreach (var e in events)
        {
            state = Decider.Evolve(state, e);
            reactions.Add((e, state));
            if (e is SlotProposed && _introduced.Add(id))
            {
                _toIntroduction.Add((state.SubmittedAt, _now - state.SubmittedAt));
            }
            if (e is CallCompleted)
            {
                // The credit the workflow's RecordUsage effect makes: the call, at its slot.
                var use = Decider.Effects(e, state).OfType<RecordUsage>().Single();
                _ledger.Add(new ContactUsage(use.ReferenceId, use.ContactId, use.RequestId, Activity.Call, use.At));
                _calls.Add((state, use.At));
            }
        }
        _requests[id] = state;
        foreach (var (e, after) in reactions) React(id, e, after);
        foreach (var timer in state.AllTimers.Where(t => !before.AllTimers.Contains(t)))
        {
            _agenda.Enqueue(() => Apply(id, new TimerElapsed(timer, _now)), timer.DueAt);
        }
        return events;
    }

    /// <summary>What the people and the adapters do next after each event, as the request stood right after it.</summary>
    private void React(string id, RequestEvent e, RequestState s)
    {
        switch (e)
        {
            case OwnerApprovalRequested asked when _people.NextDouble() < 0.9:
                var approve = _people.NextDouble() < 0.8;
                var candidate = s.Candidates[asked.CandidateIndex];
                var tick = approve && strategy == Strategy.ApprovalsFromNowOn && _people.NextDouble() < fromNowOn;
                Later(Hours(2, 40), () =>
                {
                    var decided = Apply(id, new DecideAsOwner(asked.Step, candidate.Account.OwnerEmail, approve, null, _now));
                    if (tick && decided?.Any(e => e is OwnerApproved) == true) FromNowOn(candidate);
                });
                break;
            case ReferenceConsentRequested asked when _people.NextDouble() < 0.9:
                var accept = _people.NextDouble() < 0.75;
                var contact = s.Candidates[asked.CandidateIndex ?? s.CurrentIndex].Contact.Email;
                Later(Hours(2, 40), () => Apply(id, new DecideAsReference(asked.Step, contact, accept, null, _now)));
                break;
            case SlotSearchStarted search:
                var start = search.Request.WindowStart.AddHours(3);
                Later(TimeSpan.FromMinutes(1), () => Apply(id, new ProposeSlot(new ProposedSlot(start, start + _policy.CallDuration, true), _now)));
                break;
            case SlotProposed proposed:
                var happened = _people.NextDouble() < 0.9;
                _agenda.Enqueue(() => Apply(id, new SubmitDebrief(happened, true, null, null, null, "rep@vendor.example", _now)),
                    proposed.Slot.End + Hours(1, 20));
                break;
            case RequestSubmitted submitted:
                // The CRM closes the deal on its close date, whatever the request is doing (half are won).
                var won = _people.NextDouble() < 0.5;
                var closes = new DateTimeOffset(submitted.Intake.Opportunity.CloseDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                _agenda.Enqueue(() => Apply(id, new RecordOutcome(won ? DealOutcome.Won : DealOutcome.Lost, _now)), closes);
                break;
            case CandidateCheckRequested check:
                Apply(id, Choose(s, check.FromIndex, check.Wanted));
                break;
        }
    }

    /// <summary>
    /// The product checks the list for as many as it wants and matches afresh when nobody on it is free; before, and by
    /// hand, the next one on the list.
    /// </summary>
    private ChooseCandidate Choose(RequestState s, int from, int wanted)
    {
        if (!strategy.ChecksCandidates()) return new ChooseCandidate(from, _now);
        var check = new CandidateCheck(s.Intake!, [.. s.Candidates.Select(c => c.Key)], from, _now, s.RequestId, wanted);
        var busy = Busy();
        var usage = UsageIndex.Build(_ledger, _now);
        var chosen = new List<ParallelChoice>();
        while (chosen.Count < wanted && NextCandidate.Choose(check, directory, usage, busy, _policy) is { } index)
        {
            // The owner's standing approval as the account reads now, as the workflow's check passes it on.
            var key = check.Listed[index];
            busy.Add(key);
            chosen.Add(new ParallelChoice(index, StandingApproval.Covering(directory.Single(a => a.ReferenceId == key.ReferenceId), key.ContactId,
                s.Intake!.Activity, s.Intake.Topics, DateOnly.FromDateTime(_now.UtcDateTime))));
        }
        if (chosen.Count > 0) return new ChooseCandidate(chosen[0].Index, _now, Standing: chosen[0].Standing, Also: chosen[1..]);
        var fresh = NextCandidate.Fresh(check, directory, _ledger, busy, _policy);
        return new ChooseCandidate(null, _now, fresh, Also: [.. Enumerable.Range(1, Math.Max(0, Math.Min(wanted, fresh.Count) - 1)).Select(i => new ParallelChoice(check.Listed.Count + i))]);
    }

    /// <summary>The owner's "from now on", ticked as their approval was recorded: the rule the product would set.</summary>
    private void FromNowOn(Candidate approved)
    {
        var at = directory.FindIndex(a => a.ReferenceId == approved.ReferenceId);
        if (StandingApproval.FromNowOn(directory[at], approved.ContactId, approved.Account.OwnerEmail, _now) is { } rule)
        {
            directory[at] = directory[at] with { StandingApproval = rule };
        }
    }

    private void Later(TimeSpan after, Action act) => _agenda.Enqueue(act, _now + after);

    private TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + (_people.NextDouble() * (max - min)));
}
