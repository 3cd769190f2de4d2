using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Storage.Tests.Directory;

/// <summary>A snapshot with changed accounts applied is the snapshot a whole read of the changed directory gives.</summary>
public sealed class DirectorySnapshotChangeTests
{
    private static readonly string[] Industries = ["Healthcare", "Retail", "Finance"];
    private static readonly string[] Countries = ["FR", "DE", "US"];
    private static readonly string[] Names = ["alder", "Birch", "birch", "Cedar", "Elm", "elm", "Fir", "Oak"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ChangesAppliedEqualTheDirectoryReadWhole(int seed)
    {
        var random = new Random(seed);
        var stored = Enumerable.Range(0, random.Next(0, 60)).Select(a => Account(random, $"acc{a:D2}")).ToDictionary(a => a.ReferenceId);
        var before = new DirectorySnapshot(1, stored.Values);

        // Renamed, moved to another industry, new contacts, new accounts; some ids written twice in one change.
        var changed = Enumerable.Range(0, random.Next(0, 25)).Select(_ => Account(random, $"acc{random.Next(0, 80):D2}")).ToList();
        foreach (var account in changed) stored[account.ReferenceId] = account;
        var applied = before.With(2, changed);
        var whole = new DirectorySnapshot(2, stored.Values);

        Assert.Equal(2, applied.Version);
        Assert.Equal(whole.Accounts, applied.Accounts);
        Assert.All(stored.Values, a => Assert.Same(a, applied.Find(a.ReferenceId)));
        Assert.Equal(Rank(whole), Rank(applied));
    }

    [Fact]
    public void NothingChangedKeepsEveryAccountWhereItWas()
    {
        var before = new DirectorySnapshot(4, [Sample.Account("b"), Sample.Account("a")]);

        var after = before.With(5, []);

        Assert.Equal(5, after.Version);
        Assert.Equal(before.Accounts, after.Accounts);
        Assert.Equal(["a", "b"], after.Accounts.Select(a => a.ReferenceId));
    }

    [Fact]
    public void TheLaterOfTwoWritesOfOneAccountWins()
    {
        var before = new DirectorySnapshot(1, [Sample.Account("a")]);

        var after = before.With(2, [Sample.Account("a") with { Account = "First" }, Sample.Account("a") with { Account = "Second" }]);

        Assert.Equal("Second", Assert.Single(after.Accounts).Account);
        Assert.Equal("Second", after.Find("a")?.Account);
    }

    [Fact]
    public void ARenamedAccountMovesToItsPlaceInTheOrder()
    {
        var before = new DirectorySnapshot(1, [Named("a", "Alder"), Named("b", "Birch"), Named("c", "Cedar")]);

        var after = before.With(2, [Named("a", "Dogwood"), Named("d", "Aspen")]);

        Assert.Equal(["Aspen", "Birch", "Cedar", "Dogwood"], after.Accounts.Select(a => a.Account));
        Assert.Equal(4, after.Index.Count); // one contact each
    }

    private static ReferenceAccount Named(string id, string name) => Sample.Account(id) with { Account = name };

    private static IReadOnlyList<Candidate> Rank(DirectorySnapshot snapshot) =>
        snapshot.Accounts.Count == 0
            ? []
            : Matcher.Rank(Sample.Prospect(), Activity.Call, ["migration"], snapshot.Index, UsageIndex.Empty, new HashSet<ContactKey>(),
                Sample.Now, new WorkflowPolicy(), 8);

    private static ReferenceAccount Account(Random random, string id) =>
        Sample.Account(id, Industries[random.Next(Industries.Length)], random.Next(50, 50_000), Countries[random.Next(Countries.Length)],
            contacts: [.. Enumerable.Range(0, random.Next(1, 4)).Select(c => Sample.Contact($"c{c}", (Seniority)random.Next(5), (Persona)random.Next(3)))])
        with { Account = Names[random.Next(Names.Length)] };
}
