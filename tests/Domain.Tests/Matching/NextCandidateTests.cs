using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Matching;

public sealed class NextCandidateTests
{
    private static readonly DateTimeOffset Now = Sample.Now;
    private static readonly ContactKey A = new("acc-a", "a"), B = new("acc-b", "b"), C = new("acc-c", "c");

    private static IReadOnlyList<ReferenceAccount> Directory(ReferenceContact? b = null) =>
    [
        Sample.Account("acc-a", contacts: [Sample.Contact("a")]),
        Sample.Account("acc-b", contacts: [b ?? Sample.Contact("b")]),
        Sample.Account("acc-c", contacts: [Sample.Contact("c")]),
    ];

    private static int? Choose(IReadOnlyList<ReferenceAccount> directory, IEnumerable<ContactUsage>? usage = null, params ContactKey[] busy) =>
        NextCandidate.Choose(new CandidateCheck(Sample.Intake(), [new("acc-x", "x"), new("acc-y", "y"), A, B, C], FromIndex: 2, Now), directory,
            UsageIndex.Build(usage ?? [], Now), busy.ToHashSet(), Scenario.Policy);

    [Fact]
    public void TheFirstFreeCandidateIsChosenAsItsIndexInTheRequest() => Assert.Equal(2, Choose(Directory()));

    [Fact]
    public void AContactThatBecameTheCurrentCandidateOfAnotherRequestIsSkipped() => Assert.Equal(3, Choose(Directory(), null, A));

    [Fact]
    public void AContactThatReachedItsCapMeanwhileIsSkipped() =>
        Assert.Equal(3, Choose(Directory(), [new ContactUsage("acc-a", "a", "other-request", Activity.Call, Now.AddDays(-1))]));

    [Fact]
    public void APausedOrNoLongerConsentingContactIsSkipped()
    {
        var directory = Directory(Sample.Contact("b", pausedUntil: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(30)));
        Assert.Equal(4, Choose(directory, null, A));
        directory = Directory(Sample.Contact("b", consentExpires: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1)));
        Assert.Equal(4, Choose(directory, null, A));
    }

    [Fact]
    public void AContactRemovedFromTheDirectoryIsSkipped() => Assert.Equal(3, Choose(Directory().Skip(1).ToList()));

    [Fact]
    public void NobodyFreeIsNull() => Assert.Null(Choose(Directory(), null, A, B, C));

    [Fact]
    public void AFreshMatchLeavesOutEveryoneListedAndEveryoneBusy()
    {
        var directory = Directory().Append(Sample.Account("acc-d", contacts: [Sample.Contact("d")])).Append(Sample.Account("acc-e", contacts: [Sample.Contact("e")])).ToList();
        var check = new CandidateCheck(Sample.Intake(), [A, B, C], FromIndex: 3, Now);

        var fresh = NextCandidate.Fresh(check, directory, [], new HashSet<ContactKey> { new("acc-e", "e") }, Scenario.Policy);

        Assert.Equal([new ContactKey("acc-d", "d")], fresh.Select(c => c.Key));
    }
}
