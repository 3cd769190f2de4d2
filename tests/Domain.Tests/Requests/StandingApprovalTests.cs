using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Domain.Workflow;
using static ReferenceFlow.Domain.Tests.Support.Scenario;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>An owner's standing approval: which asks it covers, and an ask it covers going straight to the reference.</summary>
public sealed class StandingApprovalTests : DeciderSpec
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Sample.Now.UtcDateTime);
    private static readonly StandingApproval Anything = new(null, null, null, null, "owner-acc0@vendor.example", Sample.Now.AddDays(-3));

    private static ReferenceAccount With(StandingApproval? rule, AccountStatus status = AccountStatus.Active) =>
        Sample.Account("acc0", status: status, contacts: [Sample.Contact("c0"), Sample.Contact("c1")]) with { StandingApproval = rule };

    private static StandingApproval? Covering(ReferenceAccount account, string contact = "c0", Activity activity = Activity.Call,
        string[]? topics = null, DateOnly? today = null) =>
        StandingApproval.Covering(account, contact, activity, topics ?? ["migration"], today ?? Today);

    [Fact]
    public void ARuleCoversOnlyWhatItNamesUntilItsDateAndNeverACautionAccount()
    {
        Assert.Same(Anything, Covering(With(Anything)));
        Assert.Null(Covering(With(null)));
        Assert.Null(Covering(With(Anything, AccountStatus.Caution)));

        var some = Anything with { ContactIds = ["c1"], Activities = [Activity.Call], Topics = ["Migration", "security"], Until = Today };
        Assert.Null(Covering(With(some), contact: "c0"));
        Assert.NotNull(Covering(With(some), contact: "c1"));
        Assert.Null(Covering(With(some), contact: "c1", activity: Activity.Quote));
        Assert.Null(Covering(With(some), contact: "c1", topics: ["migration", "pricing"]));
        Assert.Null(Covering(With(some), contact: "c1", topics: []));
        Assert.Null(Covering(With(some), contact: "c1", today: Today.AddDays(1)));
    }

    [Fact]
    public void FromNowOnIsTheOwnersToGiveAndWidensOnlyARuleThatNamesContactsAlone()
    {
        const string owner = "owner-acc0@vendor.example";
        var made = StandingApproval.FromNowOn(With(null), "c0", "Owner-Acc0@Vendor.example", Sample.Now)!;
        Assert.Equal(new StandingApproval(["c0"], null, null, null, owner, Sample.Now), made);

        // An earlier box's rule gains the contact; asked again for a contact it names, there is nothing to give.
        Assert.Equal(["c0", "c1"], StandingApproval.FromNowOn(With(made), "c1", owner, Sample.Now.AddDays(1))!.ContactIds);
        Assert.Null(StandingApproval.FromNowOn(With(made), "c0", owner, Sample.Now));

        // Not for someone else, on a Caution account or for a contact the account lacks; never over a rule with other limits.
        Assert.Null(StandingApproval.FromNowOn(With(null), "c0", "someone-else@vendor.example", Sample.Now));
        Assert.Null(StandingApproval.FromNowOn(With(null, AccountStatus.Caution), "c0", owner, Sample.Now));
        Assert.Null(StandingApproval.FromNowOn(With(null), "nobody", owner, Sample.Now));
        Assert.Null(StandingApproval.FromNowOn(With(made with { Topics = ["migration"] }), "c1", owner, Sample.Now));
        Assert.Null(StandingApproval.FromNowOn(With(Anything), "c1", owner, Sample.Now));
    }

    [Fact]
    public void TheRankingCarriesTheRuleThatCoversEachCandidate()
    {
        var ranked = Matcher.Rank(Sample.Intake(), [With(Anything with { ContactIds = ["c1"] })], [], new HashSet<ContactKey>(), Sample.Now, Policy);

        Assert.Equal(Anything with { ContactIds = ["c1"] }, ranked.Single(c => c.ContactId == "c1").Standing);
        Assert.Null(ranked.Single(c => c.ContactId == "c0").Standing);
    }

    [Fact]
    public void AnAskTheRuleCoversGoesStraightToTheReferenceAndTheOwnerHearsOfIt()
    {
        var candidates = Candidates().Select((c, i) => i == 0 ? c with { Standing = Anything } : c).ToList();

        var events = Run(Submit(candidates: candidates));

        Assert.Equal([typeof(RequestSubmitted), typeof(StandingApprovalUsed), typeof(ReferenceConsentRequested)], events.Select(e => e.GetType()));
        Assert.Equal(new StandingApprovalUsed(0, Anything, Sample.Now), events[1]);
        var after = Fold(events);
        Assert.Equal((RequestStatus.AwaitingReferenceConsent, 0, true), (after.Status, after.CurrentIndex, after.OwnerApproved));
        var fyi = Decider.Effects(events[1], Fold(events.Take(2))).OfType<SendEmail>().Single().Email;
        Assert.Equal((EmailKind.StandingApprovalUsed, candidates[0].Account.OwnerEmail), (fyi.Kind, fyi.To.Single().Email));
        Assert.Contains(fyi.Links!, l => l.Path == $"/references/{candidates[0].ReferenceId}#standing-approval");
        Assert.Contains($"Your standing approval for {candidates[0].Account.Name} covers this ask", fyi.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("standing approval", RequestEventText.Describe(events[1]), StringComparison.Ordinal);
        Assert.Equal(Answer.StandingApproval, new RequestFacts().Fold(events[1], null).Answers.Single().Answer);
    }

    [Fact]
    public void TheOwnersNoteNamesTheContactARuleKeptToContactsCovers()
    {
        var rule = Anything with { ContactIds = ["c0"] };
        var candidates = Candidates().Select((c, i) => i == 0 ? c with { Standing = rule } : c).ToList();
        var events = Run(Submit(candidates: candidates));

        var fyi = Decider.Effects(events[1], Fold(events.Take(2))).OfType<SendEmail>().Single().Email;

        var first = Words.FirstName(candidates[0].Contact.Name);
        Assert.Contains($"Your standing approval for asks to {first} at {candidates[0].Account.Name} covers this ask", fyi.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void MovingOnUsesTheRuleAsTheCheckReadItNotAsTheRankingDid()
    {
        var candidates = Candidates().Select(c => c with { Standing = Anything }).ToList();
        Given(Run(Submit(candidates: [candidates[0] with { Standing = null }, candidates[1]])));
        var declined = When(new DecideAsOwner(State.Step!, candidates[0].Account.OwnerEmail, false, "renewal", T(1)));
        Given([.. Run(Submit(candidates: [candidates[0] with { Standing = null }, candidates[1]])), .. declined]);

        // Revoked since the ranking: the check found no rule, so the owner is asked.
        var revoked = When(new ChooseCandidate(1, T(1)));
        var kept = When(new ChooseCandidate(1, T(1), Standing: Anything));

        Assert.IsType<OwnerApprovalRequested>(Assert.Single(revoked));
        Assert.Equal([typeof(StandingApprovalUsed), typeof(ReferenceConsentRequested)], kept.Select(e => e.GetType()));
    }
}
