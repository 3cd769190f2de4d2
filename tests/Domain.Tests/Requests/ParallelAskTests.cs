using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>A request with no room to ask one candidate after another asks two at once; the first to consent is introduced.</summary>
public sealed class ParallelAskTests : DeciderSpec
{
    /// <summary>Friday, two days after <see cref="Sample.Now"/>: rushed, and the owner's three days do not fit.</summary>
    private static readonly DateOnly Friday = new(2026, 11, 20);

    private static List<RequestEvent> AskedAtOnce(int candidates = 3) => Run(Submit(Sample.Intake(neededBy: Friday), Candidates(candidates)));

    private string OwnerOf(int index) => State.Candidates[index].Account.OwnerEmail;

    private string ContactOf(int index) => State.Candidates[index].Contact.Email;

    private string StepOf(int index) => State.ParallelAsks.Single(a => a.CandidateIndex == index).Step!;

    private List<OutboundEmail> Mails(IReadOnlyList<RequestEvent> events)
    {
        var state = State;
        var mails = new List<OutboundEmail>();
        foreach (var e in events)
        {
            state = Decider.Evolve(state, e);
            mails.AddRange(Decider.Effects(e, state).OfType<SendEmail>().Select(s => s.Email));
        }
        return mails;
    }

    [Fact]
    public void ARushedRequestAsksTheTopTwoOwnersAtOnceAndHoldsBoth()
    {
        Given([]);

        var events = When(Submit(Sample.Intake(neededBy: Friday), Candidates(3)));

        var state = After(events);
        Assert.Equal(0, state.CurrentIndex);
        Assert.Equal([1], state.ParallelAsks.Select(a => a.CandidateIndex));
        Assert.Equal([state.Candidates[0].Key, state.Candidates[1].Key], state.HeldContacts);
        // The orchestration waits on the earliest of both asks' timers.
        Assert.Equal(state.AllTimers.MinBy(t => t.DueAt), state.NextTimer);
        Assert.Contains(state.ParallelAsks[0].Timers[0], state.AllTimers);
        var asks = Mails(events).Where(m => m.Kind == EmailKind.OwnerApproval).ToList();
        Assert.Equal([state.Candidates[1].Account.OwnerEmail, state.Candidates[0].Account.OwnerEmail], asks.Select(m => m.To.Single().Email));
        Assert.All(asks, m => Assert.Contains(m.Paragraphs, p => p.Contains("asking another customer's team at the same time", StringComparison.Ordinal)));
        Assert.Contains(state.Candidates[1].Contact.Name, asks[0].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwnerAskedBesideIsWaitedOnUntilTheyApprove()
    {
        Given(AskedAtOnce());
        var beside = StepOf(1);
        Assert.Equal([OwnerOf(1)], State.OwnersAskedBeside);

        Given(Then(AskedAtOnce(), _ => new DecideAsOwner(beside, OwnerOf(1), true, null, T(1))));

        Assert.Empty(State.OwnersAskedBeside);
    }

    [Fact]
    public void APolicyAskingMoreThanThreeAtOnceAsksThree()
    {
        var decider = new RequestDecider(new WorkflowPolicy { ParallelAsks = 5 });
        var submit = Submit(Sample.Intake(neededBy: Friday), Candidates(6));

        var state = decider.Decide(submit, RequestState.Initial).Aggregate(RequestState.Initial, decider.Evolve);

        Assert.Equal(ParallelAsk.Most, state.HeldContacts.Count);
        Assert.Equal(ParallelAsk.Most - 1, state.OwnersAskedBeside.Count);
    }

    [Fact]
    public void ARequestWithTimeToSpareAsksOneAtATime()
    {
        Given([]);

        var state = After(When(Submit(candidates: Candidates(3))));

        Assert.Empty(state.ParallelAsks);
        Assert.Single(state.HeldContacts);
    }

    [Fact]
    public void TheFirstToConsentIsIntroducedAndTheOtherOwnerHearsItIsNoLongerNeeded()
    {
        Given(AskedAtOnce());
        var beside = StepOf(1);
        Given(Then(AskedAtOnce(), _ => new DecideAsOwner(beside, OwnerOf(1), true, null, T(1))));
        var consent = StepOf(1);
        Assert.True(State.ParallelAsks.Single().OwnerApproved);
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, State.Status); // the current candidate's owner is still asked

        var events = When(new DecideAsReference(consent, ContactOf(1), true, null, T(2)));

        ThenTypes(events, typeof(AsksReleased), typeof(ParallelAskLeads), typeof(ReferenceAccepted), typeof(SlotSearchStarted));
        var state = After(events);
        Assert.Equal((1, RequestStatus.Scheduling), (state.CurrentIndex, state.Status));
        Assert.Empty(state.ParallelAsks);
        Assert.Equal([state.Candidates[1].Key], state.HeldContacts);
        var mails = Mails(events);
        var released = Assert.Single(mails, m => m.Kind == EmailKind.Withdrawn);
        Assert.Equal(OwnerOf(0), released.To.Single().Email);
        Assert.Contains("Another customer agreed first", released.Paragraphs[0], StringComparison.Ordinal);
        Assert.All(mails.Where(m => m.Kind is EmailKind.ReferenceBriefing), m => Assert.Equal(ContactOf(1), m.To.Single().Email));
        // The owner released answering later changes nothing.
        Assert.IsType<LateAnswerRecorded>(Assert.Single(Decider.Decide(new DecideAsOwner("owner:2", OwnerOf(0), true, null, T(3)), state)));
    }

    [Fact]
    public void WhenTheCurrentReferenceConsentsFirstTheReferenceAskedBesideHearsThereIsNoCall()
    {
        var history = Then(AskedAtOnce(), s => new DecideAsOwner(s.ParallelAsks[0].Step!, s.Candidates[1].Account.OwnerEmail, true, null, T(1)));
        history = Then(history, s => new DecideAsOwner(s.Step!, s.Candidates[0].Account.OwnerEmail, true, null, T(1.5)));
        Given(history);

        var events = When(new DecideAsReference(State.Step!, ContactOf(0), true, null, T(2)));

        ThenTypes(events, typeof(ReferenceAccepted), typeof(AsksReleased), typeof(SlotSearchStarted));
        var note = Assert.Single(Mails(events), m => m.Kind == EmailKind.Withdrawn);
        Assert.Equal(ContactOf(1), note.To.Single().Email);
        Assert.Equal(OwnerOf(1), note.Cc!.Single().Email);
        Assert.Contains("Another customer was able to help first", note.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal([State.Candidates[0].Key], After(events).HeldContacts);
    }

    [Fact]
    public void AnAskBesideThatTimesOutEndsAloneAndTheCurrentAskGoesOn()
    {
        Given(AskedAtOnce());
        var timeout = State.ParallelAsks.Single().Timers.Single();

        var events = When(new TimerElapsed(timeout, timeout.DueAt));

        Assert.IsType<OwnerApprovalTimedOut>(Assert.Single(events));
        var state = After(events);
        Assert.Empty(state.ParallelAsks);
        Assert.Equal((0, RequestStatus.AwaitingOwnerApproval), (state.CurrentIndex, state.Status));
        Assert.Equal([state.Candidates[0].Key], state.HeldContacts);
    }

    [Fact]
    public void WhenTheCurrentOwnerDeclinesTheNextIsCheckedAndWithNobodyFreeTheAskBesideTakesOver()
    {
        Given(AskedAtOnce());

        var events = When(new DecideAsOwner(State.Step!, OwnerOf(0), false, "not now", T(1)));

        var check = Assert.IsType<CandidateCheckRequested>(events[^1]);
        Assert.Equal((2, 1), (check.FromIndex, check.Wanted)); // after both asked; one more makes two again
        var checking = After(events);
        Assert.Equal([checking.Candidates[1].Key], checking.HeldContacts);

        var chosen = Decider.Decide(new ChooseCandidate(null, T(1.1)), checking);

        Assert.Equal(new ParallelAskLeads(1, T(1.1)), Assert.Single(chosen));
        var state = chosen.Aggregate(checking, Decider.Evolve);
        Assert.Equal((1, RequestStatus.AwaitingOwnerApproval, null), (state.CurrentIndex, state.Status, state.CheckingFrom));
        Assert.Empty(state.ParallelAsks);
        // The owner asked beside can still answer their own ask.
        var approved = Decider.Decide(new DecideAsOwner(state.Step!, OwnerOf(1), true, null, T(2)), state);
        ThenTypes(approved, typeof(OwnerApproved), typeof(ReferenceConsentRequested));
    }

    [Fact]
    public void WithBothAsksEndedTheCheckWantsTwoAndAsksBothItHeld()
    {
        var history = Run(Submit(Sample.Intake(neededBy: Friday), Candidates(4)));
        history = Then(history, s => new TimerElapsed(s.ParallelAsks[0].Timers[0], s.ParallelAsks[0].Timers[0].DueAt));
        Given(history);

        var declined = When(new DecideAsOwner(State.Step!, OwnerOf(0), false, null, T(1)));

        var check = Assert.IsType<CandidateCheckRequested>(declined[^1]);
        Assert.Equal((2, 2), (check.FromIndex, check.Wanted));
        Given([.. history, .. declined]);
        var events = When(new ChooseCandidate(2, T(1.2), Also: [new ParallelChoice(3), new ParallelChoice(1)]));

        var state = After(events);
        Assert.Equal(2, state.CurrentIndex);
        Assert.Equal([3], state.ParallelAsks.Select(a => a.CandidateIndex)); // never one asked before, never more than wanted
        Assert.Equal(3, state.FurthestAsked);
    }

    [Fact]
    public void CancellingTellsEveryOwnerAsked()
    {
        Given(AskedAtOnce());

        var events = When(new CancelRequest(Rep, "deal paused", T(1)));

        ThenTypes(events, typeof(AsksReleased), typeof(RequestCancelled));
        Assert.Equal([OwnerOf(1), OwnerOf(0)], Mails(events).Select(m => m.To.Single().Email));
        Assert.Empty(After(events).HeldContacts);
    }

    [Fact]
    public void TheDealClosingReleasesTheAskBesideToo()
    {
        Given(AskedAtOnce());

        var events = When(new RecordOutcome(DealOutcome.Lost, T(1)));

        ThenTypes(events, typeof(AsksReleased), typeof(AskWithdrawn));
        Assert.Equal(2, Mails(events).Count);
        Assert.Empty(After(events).ParallelAsks);
    }

    [Fact]
    public void AContactWhoLeavesEndsOnlyTheirOwnAsk()
    {
        Given(AskedAtOnce());

        var events = When(new WithdrawCandidate(State.Candidates[1].Key, "left the program", T(1)));

        var released = Assert.IsType<AsksReleased>(Assert.Single(events));
        Assert.Equal((AskRelease.RequestEnded, 1), (released.Why, released.Asks.Single().CandidateIndex));
        Assert.Equal(0, After(events).CurrentIndex);
    }

    [Fact]
    public void TheProgramManagerTurnsItOnAndTheOpenAskStaysOpenBesideTheNextCandidate()
    {
        Given(Run(Submit(candidates: Candidates(3))));
        var first = State.Step!;

        var events = When(new AskInParallel(Pm, T(1)));

        ThenTypes(events, typeof(ParallelAsksTurnedOn), typeof(CandidateCheckRequested));
        Assert.Equal((1, 1), (((CandidateCheckRequested)events[1]).FromIndex, ((CandidateCheckRequested)events[1]).Wanted));
        var checking = After(events);
        Assert.Equal([checking.Candidates[0].Key], checking.HeldContacts);
        var asked = Decider.Decide(new ChooseCandidate(1, T(1.1)), checking);
        var state = asked.Aggregate(checking, Decider.Evolve);
        Assert.Equal(1, state.CurrentIndex);
        Assert.Equal([(0, first)], state.ParallelAsks.Select(a => (a.CandidateIndex, a.Step!)));
        Assert.True(state.AsksInParallel);
        // The first owner's answer still counts.
        ThenTypes(Decider.Decide(new DecideAsOwner(first, OwnerOf(0), true, null, T(2)), state), typeof(OwnerApproved), typeof(ReferenceConsentRequested));
        // Turning it on again is no news; after the reference agreed it is refused.
        Assert.Empty(Decider.Decide(new AskInParallel(Pm, T(2)), state));
        Given(LookingForSlot());
        ThenRefused(new AskInParallel(Pm, T(3)), "still looking for one");
    }

    [Fact]
    public void TheHistoryTellsWhatHappenedInWords()
    {
        Assert.Equal("Owner of candidate 2 asked to approve, at the same time as another: time is short",
            RequestEventText.Describe(new OwnerApprovalRequested(1, "owner:1", [], T(1), T(0), Parallel: true)));
        Assert.Equal("Candidates 1 and 3 let go with a thank-you: another reference agreed first",
            RequestEventText.Describe(new AsksReleased([new ReleasedAsk(0, false), new ReleasedAsk(2, true)], AskRelease.AnotherAgreed, T(1))));
        Assert.Equal("The request goes on with candidate 2, asked at the same time", RequestEventText.Describe(new ParallelAskLeads(1, T(1))));
    }
}
