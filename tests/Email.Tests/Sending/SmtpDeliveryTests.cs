using Ical.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Rendering;

namespace ReferenceFlow.Email.Tests.Sending;

/// <summary>Messages sent through a real SMTP server (maildev) and parsed back as they arrived.</summary>
public sealed class SmtpDeliveryTests(MailDevFixture fixture) : IClassFixture<MailDevFixture>
{
    private const string Injection = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    private async Task<MimeMessage> SendAndReceiveAsync(OutboundEmail email, string effectId)
    {
        var options = Samples.EmailOptions(smtpPort: fixture.MailDev.SmtpPort);
        var dispatcher = new EmailDispatcher(Samples.Renderer(options), Samples.Tokens(), Samples.Smtp(options), TimeProvider.System, new KnownPeople());
        await dispatcher.SendAsync(email, effectId, CancellationToken.None);
        var raw = await fixture.MailDev.WaitForRawAsync(email.Subject);
        return await MimeMessage.LoadAsync(new MemoryStream(raw));
    }

    [Fact]
    public async Task AnOwnerApprovalArrivesWithBothPartsTheHeadersAndSignedDecisionLinks()
    {
        var subject = $"Approval {Guid.NewGuid():N}";
        var received = await SendAndReceiveAsync(Samples.OwnerApproval(subject), "effect-approval");

        Assert.Equal("req-42", received.Headers["X-ReferenceFlow-Request"]);
        Assert.Equal("OwnerApproval", received.Headers["X-ReferenceFlow-Kind"]);
        Assert.Equal(MessageIds.For("effect-approval", "vendor.example"), received.MessageId);
        Assert.Contains("comparing us with LegacyBI", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("comparing us with LegacyBI", received.HtmlBody, StringComparison.Ordinal);
        var link = received.TextBody!.Split('\n').Single(l => l.StartsWith("Approve: ", StringComparison.Ordinal))["Approve: ".Length..];
        var token = new Uri(link).AbsolutePath["/actions/".Length..];
        var claims = Assert.IsType<ReferenceFlow.Email.Actions.ActionTokenValidation.Valid>(Samples.Tokens().Validate(token, Samples.Now)).Claims;
        Assert.Equal(("req-42", "jane.csm@vendor.example", ActionNames.OwnerApproval), (claims.RequestId, claims.ActorEmail, claims.Action));
    }

    [Fact]
    public async Task AnIntroductionCarriesAnInvitationThatIcalNetReadsAsARequestWithBothAttendees()
    {
        var subject = $"Introduction {Guid.NewGuid():N}";
        var received = await SendAndReceiveAsync(Samples.Introduction(subject), "effect-intro");

        var inline = received.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", inline.ContentType.Parameters["method"]);
        var attachment = received.Attachments.OfType<MimePart>().Single();
        Assert.Equal("invite.ics", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);

        foreach (var text in new[] { inline.Text, System.Text.Encoding.UTF8.GetString(content.ToArray()) })
        {
            var calendar = Calendar.Load(text)!;
            Assert.Equal("REQUEST", calendar.Method);
            var vevent = calendar.Events.Single();
            Assert.Equal("req-42-call@referenceflow", vevent.Uid);
            Assert.True(vevent.DtStart!.IsUtc);
            Assert.Equal(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), vevent.DtStart.AsUtc);
            Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), vevent.DtEnd!.AsUtc);
            Assert.Equal("mailto:referenceflow@vendor.example", vevent.Organizer!.Value!.ToString());
            Assert.Equal(["mailto:marie@contoso.example", "mailto:paul@acme.example"], vevent.Attendees.Select(a => a.Value!.ToString()).Order());
            Assert.All(vevent.Attendees, a => Assert.True(a.Rsvp));
        }
    }

    [Fact]
    public async Task HtmlInjectedIntoEveryUserFieldArrivesEscaped()
    {
        var subject = $"Injection {Guid.NewGuid():N} {Injection}";
        var approval = Samples.OwnerApproval(subject, Injection);
        var intro = Samples.Introduction(subject + " intro", Injection);

        foreach (var (email, effect) in new[] { (approval, "effect-inj-1"), (intro, "effect-inj-2") })
        {
            var received = await SendAndReceiveAsync(email, effect);
            var html = received.HtmlBody!;
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains(Injection, received.TextBody!, StringComparison.Ordinal);
            Assert.Equal(email.Subject, received.Subject);
            Assert.Contains(received.To.Mailboxes, m => m.Name!.EndsWith(Injection, StringComparison.Ordinal));
        }
    }
}
