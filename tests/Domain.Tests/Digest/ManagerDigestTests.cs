using ReferenceFlow.Domain.Digest;
using ReferenceFlow.Domain.Health.Capacity;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Tests.Digest;

/// <summary>The program manager's morning email: what waits on them, in words, each with a link to its page; none when nothing waits.</summary>
public sealed class ManagerDigestTests
{
    private const string Pm = "pm@demo.local";
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static readonly WaitingRequest Rushed = new("r-1", "Acme Health", RequestStatus.AwaitingOwnerApproval, true, new DateOnly(2026, 12, 9), "Contoso");
    private static readonly WaitingRequest Silent = new("r-2", "Globex", RequestStatus.AwaitingOwnerApproval, false, new DateOnly(2027, 1, 20), "Northwind");
    private static readonly WaitingRequest Nobody = new("r 3", "Initech", RequestStatus.Unfulfilled, false, new DateOnly(2027, 1, 5), null);

    [Fact]
    public void NothingWaitingMeansNoDigest() => Assert.Null(ManagerDigest.For(Pm, new WaitingOnManager([], 0, 0, false), Monday));

    [Fact]
    public void WhatRunsDrySoonIsAReasonToWriteAndLinksToTheForecast()
    {
        var dry = new WaitingOnManager([], 0, 0, false)
        {
            RunningDry = [new CapacityRow(CapacityDimension.Country, "FR", 12, 3, 1, Monday), new CapacityRow(CapacityDimension.Topic, "migration", 8, 0, 4, Monday.AddDays(10))],
        };

        var mail = ManagerDigest.For(Pm, dry, Monday)!;

        Assert.Equal("Waiting on you today: 2 running dry soon", mail.Subject);
        Assert.Contains("Running out of reference calls within 4 weeks at the pace requests come in: country France (already); topic migration (from Thu 17 Dec 2026).",
            mail.Paragraphs[1], StringComparison.Ordinal);
        Assert.Equal([new PageLink("See the capacity forecast and nominate", "/program#capacity")], mail.Links);
    }

    [Fact]
    public void EachRequestSaysWhyItWaitsAndLinksToItsPage()
    {
        var mail = ManagerDigest.For(Pm, new WaitingOnManager([Rushed, Silent, Nobody], 0, 2, false), Monday)!;

        Assert.Equal((EmailKind.Digest, Pm, (string?)null), (mail.Kind, mail.To.Single().Email, mail.RequestId));
        Assert.Equal("Waiting on you today: 3 requests, 2 nominations", mail.Subject);
        Assert.Equal(
        [
            new PageLink("Acme Health: rushed, needed by Wed 9 Dec 2026", "/requests/r-1"),
            new PageLink("Globex: the owner of Northwind has not answered in time", "/requests/r-2"),
            new PageLink("Initech: no reference could be found for it", "/requests/r%203"),
            new PageLink("Review the nominations", "/nominations"),
        ], mail.Links);
        Assert.Equal($"Good morning. This is what waits on you in {OurCompany.Name}'s reference program on Mon 7 Dec 2026.", mail.Paragraphs[0]);
        Assert.Contains("Requests that need you: 3.", mail.Paragraphs[1], StringComparison.Ordinal);
        Assert.Equal("Nominations to review: 2. Nobody is invited before you say yes.", mail.Paragraphs[2]);
    }

    [Fact]
    public void RequestsPastTheFirstPageAreCountedAndLeadToTheHomePage()
    {
        var mail = ManagerDigest.For(Pm, new WaitingOnManager([Rushed], 16, 0, false), Monday)!;

        Assert.Equal("Waiting on you today: 17 requests", mail.Subject);
        Assert.Equal(new PageLink("16 more on your home page", "/"), mail.Links![^1]);
        Assert.DoesNotContain(mail.Paragraphs, p => p.Contains("Nominations", StringComparison.Ordinal));
    }

    [Fact]
    public void NominationsAloneMakeADigestAndAFullPageIsCountedAsMore()
    {
        var one = ManagerDigest.For(Pm, new WaitingOnManager([], 0, 1, false), Monday)!;
        var many = ManagerDigest.For(Pm, new WaitingOnManager([], 0, 99, true), Monday)!;

        Assert.Equal("Waiting on you today: 1 nomination", one.Subject);
        Assert.Equal([new PageLink("Review the nominations", "/nominations")], one.Links);
        Assert.Equal("Waiting on you today: 99+ nominations", many.Subject);
        Assert.Contains("Nominations to review: 99+.", many.Paragraphs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void NoInternalWordsReachTheManager()
    {
        var mail = ManagerDigest.For(Pm, new WaitingOnManager([Rushed, Silent, Nobody], 0, 1, false), Monday)!;
        var text = string.Join("\n", [mail.Subject, .. mail.Paragraphs, .. mail.Links!.Select(l => l.Label)]);

        foreach (var word in Enum.GetNames<RequestStatus>())
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }
}
