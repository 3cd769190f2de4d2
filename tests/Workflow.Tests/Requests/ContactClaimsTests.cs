using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>Submissions at the same moment in one process each claim a different first candidate, the best still free.</summary>
public sealed class ContactClaimsTests
{
    private readonly FakeTimeProvider _time = new(Sample.Now);
    private readonly ContactClaims _claims;
    private readonly IReadOnlyList<ReferenceAccount> _directory =
        [.. Enumerable.Range(0, 30).Select(i => Sample.Account($"acc{i:00}", employees: 12000 + i * 100))];

    public ContactClaimsTests() => _claims = new ContactClaims(_time);

    private IReadOnlyList<Candidate> Submit(IReadOnlySet<ContactKey>? busy = null) =>
        _claims.RankAndClaimFirst(busy ?? new HashSet<ContactKey>(),
            excluded => Matcher.Rank(Sample.Intake(), _directory, [], excluded, Sample.Now, new WorkflowPolicy()));

    [Fact]
    public async Task LikeSubmissionsAtOnceEachAskADifferentContactAndTheFirstAsksTheBest()
    {
        var best = Matcher.Rank(Sample.Intake(), _directory, [], new HashSet<ContactKey>(), Sample.Now, new WorkflowPolicy())[0].Key;

        var firsts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Submit()[0].Key)));

        Assert.Equal(20, firsts.Distinct().Count());
        Assert.Contains(best, firsts);
    }

    [Fact]
    public void AClaimedContactIsLeftOutOfTheNextRankingAndTheRestOfTheListStays()
    {
        var first = Submit();
        var second = Submit();

        Assert.NotEqual(first[0].Key, second[0].Key);
        Assert.DoesNotContain(first[0].Key, second.Select(c => c.Key));
        Assert.Equal(first.Count, second.Count);
    }

    [Fact]
    public void AClaimLastsUntilTheBusySetCanShowTheHold()
    {
        var first = Submit()[0].Key;

        _time.Advance(ContactClaims.Kept - TimeSpan.FromSeconds(1));
        var second = Submit()[0].Key;
        Assert.NotEqual(first, second);

        _time.Advance(TimeSpan.FromSeconds(2)); // the first claim lapsed, the second did not
        Assert.Equal(first, Submit()[0].Key);
    }

    [Fact]
    public void AContactLetGoMayBeChosenAtOnce()
    {
        var first = Submit()[0].Key;

        _claims.Drop(first);

        Assert.Equal(first, Submit()[0].Key);
    }

    [Fact]
    public void BusyContactsAreLeftOutAndNobodyRankedClaimsNothing()
    {
        var everyone = _directory.SelectMany(a => a.Contacts.Select(c => new ContactKey(a.ReferenceId, c.ContactId))).ToHashSet();

        Assert.Empty(Submit(busy: everyone));
        Assert.Equal(Matcher.Rank(Sample.Intake(), _directory, [], new HashSet<ContactKey>(), Sample.Now, new WorkflowPolicy())[0].Key, Submit()[0].Key);
    }
}
