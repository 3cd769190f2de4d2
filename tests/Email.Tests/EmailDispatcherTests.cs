using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Sending;
using ReferenceFlow.Email.Tests.Rendering;

namespace ReferenceFlow.Email.Tests;

public sealed class EmailDispatcherTests : IDisposable
{
    private readonly EmailOptions _options = Samples.EmailOptions();
    private readonly FakeTimeProvider _time = new(Samples.Now);

    public void Dispose()
    {
        if (Directory.Exists(_options.PickupDirectory))
        {
            Directory.Delete(_options.PickupDirectory, recursive: true);
        }
    }

    private EmailDispatcher Dispatcher(KnownPeople? people = null) => new(
        Samples.Renderer(_options),
        Samples.Tokens(),
        new PickupDirectorySender(Options.Create(_options), _time, NullLogger<PickupDirectorySender>.Instance),
        _time,
        people ?? new KnownPeople());

    [Fact]
    public async Task AResentEffectKeepsItsMessageIdAndTokenAndIsWrittenOnce()
    {
        var first = await Dispatcher().SendAsync(Samples.OwnerApproval(), "effect-7", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        var again = await Dispatcher().SendAsync(Samples.OwnerApproval(), "effect-7", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(ActionTokenService.TokenIdFor("effect-7", "owner-approval"), first.ActionTokenId);
        Assert.Single(Directory.GetFiles(_options.PickupDirectory));
    }

    [Fact]
    public async Task AnEmailWithoutADecisionHasNoToken()
    {
        var sent = await Dispatcher().SendAsync(Samples.Introduction(), "effect-8", CancellationToken.None);

        Assert.Null(sent.ActionTokenId);
    }

    [Fact]
    public async Task ADecisionOutsideARequestIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Dispatcher().SendAsync(Samples.OwnerApproval() with { RequestId = null }, "effect-9", CancellationToken.None));
        Assert.False(Directory.Exists(_options.PickupDirectory) && Directory.EnumerateFiles(_options.PickupDirectory).Any());
    }

    [Fact]
    public async Task AnEmailToAReferenceCarriesTheirPreferencesLinkInBothPartsValidForNinetyDays()
    {
        var marie = Samples.Introduction().To[0];
        var email = Samples.Introduction() with { To = [marie], Preferences = new ContactKey("contoso", "marie") };
        await Dispatcher().SendAsync(email, "effect-10", CancellationToken.None);

        var message = MimeMessage.Load(Directory.GetFiles(_options.PickupDirectory).Single());
        var text = Regex.Match(message.TextBody ?? "", @"Manage how often we ask you: (https://refs\.vendor\.example/preferences/(\S+))");
        Assert.True(text.Success, message.TextBody);
        Assert.Contains($"href=\"{text.Groups[1].Value}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Manage how often we ask you</a>", message.HtmlBody, StringComparison.Ordinal);
        var claims = Assert.IsType<PreferenceTokenValidation.Valid>(Samples.Tokens().ValidatePreferences(text.Groups[2].Value, Samples.Now)).Claims;
        Assert.Equal(new ContactKey("contoso", "marie"), claims.Contact);
        Assert.Equal(Samples.Now.AddDays(90), claims.ExpiresAt);
        Assert.True(Samples.Tokens().IsPreferencesFor(claims, marie.Email));
    }

    [Fact]
    public async Task APreferencesLinkIsNeverSentToAnyoneButTheContact()
    {
        // Bound to one address, the link would work for whoever else read it.
        var email = Samples.Introduction() with { Preferences = new ContactKey("contoso", "marie") };

        await Assert.ThrowsAsync<ArgumentException>(() => Dispatcher().SendAsync(email, "effect-12", CancellationToken.None));
        Assert.False(Directory.Exists(_options.PickupDirectory) && Directory.EnumerateFiles(_options.PickupDirectory).Any());
    }

    [Fact]
    public async Task AnEmailToNoReferenceHasNoPreferencesLink()
    {
        await Dispatcher().SendAsync(Samples.OwnerApproval(), "effect-11", CancellationToken.None);

        var message = MimeMessage.Load(Directory.GetFiles(_options.PickupDirectory).Single());
        Assert.DoesNotContain("/preferences/", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAreNamedFromThePeopleDirectoryInTheTextAndTheAddresses()
    {
        var people = new KnownPeople(
            new KnownName(CustomerSamples.Rep, "Riley Rep", NameSource.SignIn),
            new KnownName(CustomerSamples.Owner, "Jane Carter", NameSource.Directory));
        var approval = OwnerEmails.Approval(CustomerSamples.Request(), "owner-approval:marie:1", Samples.Now.AddDays(3));

        await Dispatcher(people).SendAsync(approval, "effect-13", CancellationToken.None);

        var message = MimeMessage.Load(Directory.GetFiles(_options.PickupDirectory).Single());
        Assert.Equal(("Jane Carter", CustomerSamples.Owner), message.To.Mailboxes.Select(m => (m.Name, m.Address)).Single());
        foreach (var text in new[] { message.TextBody!, message.HtmlBody! })
        {
            Assert.Contains("Riley Rep is working Acme Health", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{staff:", text, StringComparison.Ordinal);
            Assert.DoesNotContain(CustomerSamples.Rep, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnOwnersReminderNamesItsDeadlineInTheZoneThePeopleDirectoryKnowsForThem()
    {
        var people = new KnownPeople(new KnownName(CustomerSamples.Owner, "Jane Carter", NameSource.SignIn, "America/New_York"));
        var expires = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
        var reminder = OwnerEmails.Reminder(CustomerSamples.Request(), "owner-approval:marie:1", expires, "Europe/Paris");

        await Dispatcher(people).SendAsync(reminder, "effect-15", CancellationToken.None);

        var message = MimeMessage.Load(Directory.GetFiles(_options.PickupDirectory).Single());
        foreach (var text in new[] { message.TextBody!, System.Net.WebUtility.HtmlDecode(message.HtmlBody!) })
        {
            Assert.Contains("Without an answer by Mon 7 Dec 2026, 10:00 New York time the request moves on", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Paris time", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SomeoneNobodyKnowsIsWrittenByTheirWholeAddressNeverByItsLocalPart()
    {
        var approval = OwnerEmails.Approval(CustomerSamples.Request(), "owner-approval:marie:1", Samples.Now.AddDays(3));

        await Dispatcher().SendAsync(approval, "effect-14", CancellationToken.None);

        var message = MimeMessage.Load(Directory.GetFiles(_options.PickupDirectory).Single());
        Assert.Equal(("", CustomerSamples.Owner), message.To.Mailboxes.Select(m => (m.Name ?? "", m.Address)).Single());
        Assert.Contains($"{CustomerSamples.Rep} is working Acme Health", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("riley.rep is", message.TextBody, StringComparison.Ordinal);
    }
}
