using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Matching;

public sealed class HardFilterTests
{
    private static readonly WorkflowPolicy Policy = new();

    private static IReadOnlyList<string> Ranked(IReadOnlyList<ReferenceAccount> accounts, IEnumerable<ContactUsage>? usage = null, IReadOnlySet<ContactKey>? busy = null) =>
        [.. Matcher.Rank(Sample.Intake(), accounts, usage ?? [], busy ?? new HashSet<ContactKey>(), Sample.Now, Policy).Select(c => c.Key.ToString())];

    [Fact]
    public void ContactAtCapIsNeverOfferedHoweverGoodTheMatch()
    {
        var usage = new[] { new ContactUsage("best", "marie", "r0", Activity.Call, Sample.Now.AddDays(-10)) };

        Assert.Equal(["other/marie"], Ranked([Sample.Account("best"), Sample.Account("other", industry: "Retail")], usage));
    }

    [Fact]
    public void UsageFromAPreviousQuarterDoesNotCountAgainstTheCap()
    {
        var usage = new[] { new ContactUsage("best", "marie", "r0", Activity.Call, new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero)) };

        Assert.Contains("best/marie", Ranked([Sample.Account("best")], usage));
    }

    [Fact]
    public void ContactOwnCapOverridesTheProgramDefault()
    {
        var usage = new[] { new ContactUsage("a", "marie", "r0", Activity.Call, Sample.Now.AddDays(-10)) };

        Assert.Equal(["a/marie"], Ranked([Sample.Account("a", contacts: [Sample.Contact(cap: 2)])], usage));
    }

    [Fact]
    public void PausedContactIsNeverOffered() =>
        Assert.Empty(Ranked([Sample.Account("a", contacts: [Sample.Contact(pausedUntil: new DateOnly(2027, 3, 1))])]));

    [Fact]
    public void PauseEndsOnItsDate() =>
        Assert.Single(Ranked([Sample.Account("a", contacts: [Sample.Contact(pausedUntil: new DateOnly(2026, 11, 18))])]));

    [Fact]
    public void ExpiredConsentIsNeverOffered() =>
        Assert.Empty(Ranked([Sample.Account("a", contacts: [Sample.Contact(consentExpires: new DateOnly(2026, 11, 17))])]));

    [Fact]
    public void ActivityNotAgreedIsNeverOffered() =>
        Assert.Empty(Ranked([Sample.Account("a", contacts: [Sample.Contact(activities: [Activity.Quote, Activity.Logo])])]));

    [Theory]
    [InlineData(AccountStatus.Retired)]
    [InlineData(AccountStatus.Paused)]
    public void RetiredOrPausedAccountIsNeverOffered(AccountStatus status) =>
        Assert.Empty(Ranked([Sample.Account("a", status: status)]));

    [Fact]
    public void BusyContactIsNeverOffered() =>
        Assert.Equal(["b/marie"], Ranked([Sample.Account("a"), Sample.Account("b")], busy: new HashSet<ContactKey> { new("a", "marie") }));

    [Fact]
    public void CautionAccountIsOfferedWithTheCautionShown()
    {
        var account = Sample.Account("a", status: AccountStatus.Caution, healthNotes: "Renewal due in January");

        var candidate = Matcher.Rank(Sample.Intake(), [account], [], new HashSet<ContactKey>(), Sample.Now, Policy).Single();

        Assert.True(candidate.Caution);
        Assert.Equal("Renewal due in January", candidate.Account.CautionNote);
        Assert.Contains("Caution: Renewal due in January; the owner sees this before approving", candidate.Reasons);
    }

    [Fact]
    public void ACautionNoteEndingInAFullStopReadsAsOneSentence()
    {
        var account = Sample.Account("a", status: AccountStatus.Caution, healthNotes: " Open escalation on data refresh latency. ");

        var candidate = Matcher.Rank(Sample.Intake(), [account], [], new HashSet<ContactKey>(), Sample.Now, Policy).Single();

        Assert.Equal("Open escalation on data refresh latency", candidate.Account.CautionNote);
        Assert.Contains("Caution: Open escalation on data refresh latency; the owner sees this before approving", candidate.Reasons);
    }
}
