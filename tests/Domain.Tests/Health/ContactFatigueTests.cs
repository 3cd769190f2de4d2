using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

public sealed class ContactFatigueTests
{
    private static readonly WorkflowPolicy Policy = new() { MaxCallsPerQuarter = 2 };

    private static ContactFatigue FatigueOf(ReferenceContact contact, params DateTimeOffset[] uses)
    {
        var account = Sample.Account("a", contacts: contact);
        var usage = uses.Select((at, i) => new ContactUsage("a", contact.ContactId, $"r{i}", Activity.Call, at));
        return new ContactStandings(UsageIndex.Build(usage, Sample.Now), Policy).Fatigue(account, contact);
    }

    [Fact]
    public void UsesThisQuarterAreCountedAgainstTheProgramCap()
    {
        // Sample.Now is 18 November 2026: the quarter began on 1 October.
        var fatigue = FatigueOf(Sample.Contact(), new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal((1, 2), (fatigue.UsesThisQuarter, fatigue.Cap));
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero), fatigue.LastUsed);
        Assert.False(fatigue.OverAsked);
        Assert.False(fatigue.NeverAsked);
    }

    [Fact]
    public void AtTheContactsOwnCapIsOverAsked()
    {
        var fatigue = FatigueOf(Sample.Contact(cap: 1), Sample.Now.AddDays(-3));

        Assert.Equal(1, fatigue.Cap);
        Assert.True(fatigue.OverAsked);
        Assert.True(fatigue.Is(UsageStanding.OverAsked));
        Assert.False(fatigue.Is(UsageStanding.NeverAsked));
    }

    [Fact]
    public void AContactWithNoUseOnRecordWasNeverAsked()
    {
        var fatigue = FatigueOf(Sample.Contact());

        Assert.True(fatigue.NeverAsked);
        Assert.Null(fatigue.LastUsed);
        Assert.False(fatigue.OverAsked);
    }

    [Fact]
    public void OverAskedIsWhatMatchingSkips()
    {
        var contact = Sample.Contact(cap: 1);
        var used = UsageIndex.Build([new ContactUsage("a", contact.ContactId, "r", Activity.Call, Sample.Now.AddDays(-1))], Sample.Now)
            .For(new ContactKey("a", contact.ContactId));

        Assert.Equal(used.ThisQuarter >= Eligibility.Cap(contact, Policy), ContactFatigue.Of(contact, used, Policy).OverAsked);
    }
}
