using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

public sealed class KeepWarmTests
{
    private static readonly WorkflowPolicy Policy = new();

    [Fact]
    public void OwnerHearsOfReferencesNotContactedForTheKeepWarmPeriod()
    {
        var accounts = new[]
        {
            Sample.Account("a", contacts: [Sample.Contact("old"), Sample.Contact("recent"), Sample.Contact("touched")]),
        };
        var usage = new[]
        {
            new ContactUsage("a", "old", "r1", Activity.Call, Sample.Now.AddDays(-120)),
            new ContactUsage("a", "recent", "r2", Activity.Call, Sample.Now.AddDays(-10)),
            new ContactUsage("a", "touched", "r3", Activity.Call, Sample.Now.AddDays(-200)),
        };
        var touched = new Dictionary<ContactKey, DateTimeOffset> { [new("a", "touched")] = Sample.Now.AddDays(-30) };

        var mail = Assert.Single(KeepWarm.Due(accounts, usage, touched, Sample.Now, Policy));

        Assert.Equal((EmailKind.KeepWarm, "owner-a@vendor.example"), (mail.Kind, mail.To.Single().Email));
        Assert.Contains("- Contact old, VP Data at Account a: last contact 120 days ago", mail.Paragraphs);
        Assert.DoesNotContain(mail.Paragraphs, p => p.Contains("recent", StringComparison.Ordinal) || p.Contains("touched", StringComparison.Ordinal));
        Assert.Equal("One reference to check in with", mail.Subject);
    }

    [Fact]
    public void AContactWhoLeftTheProgramIsNotOnTheList()
    {
        var left = Sample.Contact("gone") with { LeftProgramOn = DateOnly.FromDateTime(Sample.Now.UtcDateTime).AddDays(-5) };
        var accounts = new[] { Sample.Account("a", contacts: [Sample.Contact("stays"), left]) };

        var mail = Assert.Single(KeepWarm.Due(accounts, [], new Dictionary<ContactKey, DateTimeOffset>(), Sample.Now, Policy));

        Assert.Contains(mail.Paragraphs, p => p.Contains("Contact stays", StringComparison.Ordinal));
        Assert.DoesNotContain(mail.Paragraphs, p => p.Contains("Contact gone", StringComparison.Ordinal));
    }

    [Fact]
    public void NeverContactedReferencesAreListedAndOwnersGetOneEmailEach()
    {
        var accounts = new[] { Sample.Account("a"), Sample.Account("b", contacts: [Sample.Contact("x"), Sample.Contact("y")]) };

        var mails = KeepWarm.Due(accounts, [], new Dictionary<ContactKey, DateTimeOffset>(), Sample.Now, Policy);

        Assert.Equal(["owner-a@vendor.example", "owner-b@vendor.example"], mails.Select(m => m.To.Single().Email));
        Assert.Equal("2 references to check in with", mails[1].Subject);
        Assert.Contains(mails[0].Paragraphs, p => p.EndsWith("no contact on record", StringComparison.Ordinal));
    }

    [Fact]
    public void RetiredAccountsAndPausedContactsAreLeftAlone()
    {
        var accounts = new[]
        {
            Sample.Account("gone", status: AccountStatus.Retired),
            Sample.Account("p", contacts: [Sample.Contact(pausedUntil: new DateOnly(2027, 3, 1))]),
        };

        Assert.Empty(KeepWarm.Due(accounts, [], new Dictionary<ContactKey, DateTimeOffset>(), Sample.Now, Policy));
    }
}
