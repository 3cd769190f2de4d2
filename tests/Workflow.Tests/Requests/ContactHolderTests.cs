using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// A contact is taken while a request holds them, and nothing else makes them so: rankings ask the holds of the contacts
/// they put first, and submissions at the same moment in one process each choose a different first candidate.
/// </summary>
public sealed class ContactHolderTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IReadOnlyList<ReferenceAccount> _directory = Accounts(30);

    private ContactHolds Holds => host.Services.GetRequiredService<ContactHolds>();

    private ContactHolder NewHolder() => new(Holds, host.Services.GetRequiredService<IUsageReader>(),
        host.Services.GetRequiredService<IReferenceDirectory>(), host.Services.GetRequiredService<RequestStore>(), new WorkflowPolicy(), _time);

    private IReadOnlyList<Candidate> Rank(IReadOnlySet<ContactKey> excluded) => Rank(excluded, Matcher.Candidates);

    private IReadOnlyList<Candidate> Rank(IReadOnlySet<ContactKey> excluded, int take) =>
        Matcher.Rank(Sample.Intake(), _directory, [], excluded, Sample.Now, new WorkflowPolicy(), take);

    private static List<ReferenceAccount> Accounts(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        return [.. Enumerable.Range(0, count).Select(i => Sample.Account($"{run}{i:00}", employees: 12000 + i * 100))];
    }

    [Fact]
    public async Task LikeSubmissionsAtOnceEachAskADifferentContactAndTheFirstAsksTheBest()
    {
        var holder = NewHolder();
        var best = Rank(new HashSet<ContactKey>())[0].Key;

        var firsts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key)));

        Assert.Equal(20, firsts.Distinct().Count());
        Assert.Contains(best, firsts);
    }

    [Fact]
    public async Task OnlyTheContactsToBeAskedNowAreAskedAboutTheRestWaitForTheCandidateCheck()
    {
        var ranked = Rank(new HashSet<ContactKey>());
        Assert.True(await Holds.TryHoldAsync(ranked[1].Key, "req-other", _ => Task.FromResult(true), CancellationToken.None));

        var askingOne = await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);
        var askingTwo = await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 2, [], null, CancellationToken.None);

        Assert.Equal(ranked.Select(c => c.Key), askingOne.Select(c => c.Key));
        Assert.Equal(ranked[0].Key, askingTwo[0].Key);
        Assert.DoesNotContain(ranked[1].Key, askingTwo.Select(c => c.Key));
    }

    [Fact]
    public async Task AContactAnotherRequestHoldsIsLeftOutAndOneTheAskingRequestHoldsIsNot()
    {
        var best = Rank(new HashSet<ContactKey>())[0].Key;
        Assert.True(await Holds.TryHoldAsync(best, "req-other", _ => Task.FromResult(true), CancellationToken.None));

        var forAnother = await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);
        var forItsHolder = await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 1, [], "req-other", CancellationToken.None);

        Assert.DoesNotContain(best, forAnother.Select(c => c.Key));
        Assert.Equal(best, forItsHolder[0].Key);
    }

    [Fact]
    public async Task AContactLetGoMayBeChosenAtOnceAndAChoiceLapsesAfterItsTime()
    {
        var holder = NewHolder();
        var first = (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key;
        Assert.NotEqual(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);

        await holder.ReleaseAsync(first, "req-none", CancellationToken.None);
        Assert.Equal(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);

        _time.Advance(ContactHolder.ChosenKept + TimeSpan.FromSeconds(1));
        Assert.Equal(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);
    }

    [Fact]
    public async Task AContactHeldHereStaysOutOfThisProcesssRankingsUntilTheChoiceLapsesOrTheyAreLetGoHere()
    {
        await host.Services.GetRequiredService<IReferenceDirectory>().UpsertManyAsync(_directory);
        var holder = NewHolder();
        var first = (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key;
        Assert.True(await holder.TryHoldAsync("req-held-here", first, _time.GetUtcNow(), CancellationToken.None));

        // The row goes (as when another process carries out a release); this process's rankings go on leaving them out, as
        // a burst of like submissions needs, without reading the hold and its request's history for each.
        await Holds.ReleaseAsync(first, "req-held-here", CancellationToken.None);
        Assert.NotEqual(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);

        _time.Advance(ContactHolder.ChosenKept + TimeSpan.FromSeconds(1));
        Assert.Equal(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);

        // Held again and let go here: free to the next ranking at once.
        Assert.True(await holder.TryHoldAsync("req-held-again", first, _time.GetUtcNow(), CancellationToken.None));
        await holder.ReleaseAsync(first, "req-held-again", CancellationToken.None);
        Assert.Equal(first, (await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None))[0].Key);
    }

    [Fact]
    public async Task EveryoneTakenLeavesNobodyRanked()
    {
        var everyone = _directory.SelectMany(a => a.Contacts.Select(c => new ContactKey(a.ReferenceId, c.ContactId))).ToHashSet();

        Assert.Empty(await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 1, everyone, null, CancellationToken.None));
    }

    [Fact]
    public async Task AHoldWhoseRequestHasNoHistoryStandsOnlyUntilItCountsAsAbandoned()
    {
        var contact = Rank(new HashSet<ContactKey>())[0].Key;
        Assert.True(await Holds.TryHoldAsync(contact, "req-never-recorded", _ => Task.FromResult(true), CancellationToken.None));
        var holder = NewHolder();

        Assert.Contains(contact, await holder.TakenAmongAsync([contact], null, CancellationToken.None));
        _time.Advance(ContactHolder.Abandoned + TimeSpan.FromSeconds(1));
        Assert.Empty(await holder.TakenAmongAsync([contact], null, CancellationToken.None));
    }

    [Fact]
    public async Task AHeldContactAtTheTopCostsAFewHoldReadsAndNoneIsReadTwice()
    {
        var ranked = Rank(new HashSet<ContactKey>(), 20);
        Assert.True(await Holds.TryHoldAsync(ranked[0].Key, "req-other", _ => Task.FromResult(true), CancellationToken.None));
        var (holder, reads) = CountedHolder();

        var free = await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);

        Assert.Equal(ranked.Skip(1).Take(Matcher.Candidates).Select(c => c.Key), free.Select(c => c.Key));
        // The held one, then the next two: not a whole widened window, and the held one not again.
        Assert.Equal(3, reads.Paths.Count);
        Assert.Equal(3, reads.Paths.Distinct().Count());
    }

    [Fact]
    public async Task AHoldFoundIsNotReadAgainByThisProcesssRankingsForAMomentExceptByItsOwnRequest()
    {
        var ranked = Rank(new HashSet<ContactKey>(), 20);
        Assert.True(await Holds.TryHoldAsync(ranked[0].Key, "req-other", _ => Task.FromResult(true), CancellationToken.None));
        var (holder, reads) = CountedHolder();
        await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);
        var heldPath = reads.Paths.First();

        var next = await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);
        Assert.Equal(ranked[2].Key, next[0].Key); // the held one left out unread, the last one's choice too
        Assert.Equal(1, reads.Paths.Count(p => p == heldPath));

        _time.Advance(ContactHolder.HeldSeenKept);
        var later = await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);
        Assert.DoesNotContain(ranked[0].Key, later.Select(c => c.Key));
        Assert.Equal(2, reads.Paths.Count(p => p == heldPath)); // read again once the moment passed

        // The request that holds them is not kept from its own contact.
        var own = await holder.RankFreeAsync(Rank, Matcher.Candidates, 1, [], "req-other", CancellationToken.None);
        Assert.Equal(ranked[0].Key, own[0].Key);
    }

    /// <summary>A holder whose reads of contact holds are counted in its table client's pipeline.</summary>
    private (ContactHolder Holder, HoldReads Reads) CountedHolder()
    {
        var reads = new HoldReads();
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(reads, HttpPipelinePosition.PerCall);
        var counted = new ContactHolds(new StorageLayout(new TableServiceClient(options.ConnectionString, clientOptions),
            host.Services.GetRequiredService<StorageNames>()), TimeProvider.System);
        return (new ContactHolder(counted, host.Services.GetRequiredService<IUsageReader>(),
            host.Services.GetRequiredService<IReferenceDirectory>(), host.Services.GetRequiredService<RequestStore>(), new WorkflowPolicy(), _time), reads);
    }

    /// <summary>Counts the point reads of contact holds that pass through a table client.</summary>
    private sealed class HoldReads : HttpPipelineSynchronousPolicy
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Paths { get; } = new();

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Contains("holds(", StringComparison.OrdinalIgnoreCase))
            {
                Paths.Enqueue(message.Request.Uri.Path);
            }
        }
    }

    [Fact]
    public async Task WhenTheBestRankedAreAllHeldTheRankingLooksFurtherDownAndStillListsAFullSet()
    {
        var ranked = Rank(new HashSet<ContactKey>(), 20);
        foreach (var taken in ranked.Take(12))
        {
            Assert.True(await Holds.TryHoldAsync(taken.Key, "req-like-" + taken.Key.ReferenceId, _ => Task.FromResult(true), CancellationToken.None));
        }

        var free = await NewHolder().RankFreeAsync(Rank, Matcher.Candidates, 1, [], null, CancellationToken.None);

        Assert.Equal(ranked.Skip(12).Take(Matcher.Candidates).Select(c => c.Key), free.Select(c => c.Key));
    }
}
