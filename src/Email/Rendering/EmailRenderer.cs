using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Email.Rendering;

/// <summary>Turns the domain's words into a MIME message: text + HTML alternatives, api.md headers, an optional invitation.</summary>
public sealed class EmailRenderer(IOptions<EmailOptions> options, TimeProvider time)
{
    public const string RequestHeader = "X-ReferenceFlow-Request";
    public const string KindHeader = "X-ReferenceFlow-Kind";

    private static readonly IReadOnlyDictionary<string, StaffMember> Unnamed = new Dictionary<string, StaffMember>();

    public MimeMessage Render(OutboundEmail email, string effectId, MintedAction? action = null, Uri? preferences = null, IReadOnlyList<LinkedPage>? pages = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(email));
        }
        if (email.Action is not null && action is null)
        {
            throw new ArgumentException("The email asks for a decision but no action links were minted.", nameof(action));
        }
        if (email.Links is { Count: > 0 } && pages?.Count != email.Links.Count)
        {
            throw new ArgumentException("The email links to pages but their addresses were not given.", nameof(pages));
        }
        var settings = options.Value;
        // Staff the dispatcher did not name (nobody knows them) read as their whole address, never as a marker.
        email = WithOurName(StaffInEmail.Fill(email, Unnamed), settings.CompanyName);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = MessageIds.For(effectId, settings.IdDomain),
            Date = time.GetUtcNow(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.AddRange(email.To.Select(Address));
        message.Cc.AddRange((email.Cc ?? []).Select(Address));
        if (!string.IsNullOrEmpty(email.RequestId))
        {
            message.Headers.Add(RequestHeader, email.RequestId);
        }
        message.Headers.Add(KindHeader, email.Kind.ToString());

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = TextBody.Render(email, action, preferences, Named(pages, settings.CompanyName)) },
            new TextPart("html") { Text = HtmlBody.Render(email, action, preferences, settings.CompanyName, Named(pages, settings.CompanyName)) },
        };
        message.Body = email.Invitation is null ? alternative : WithInvitation(alternative, email.Invitation, message.Date);
        return message;
    }

    /// <summary>The Domain's words name our company with a marker (<see cref="OurCompany"/>); here it becomes the configured name.</summary>
    private static OutboundEmail WithOurName(OutboundEmail email, string name)
    {
        string Fill(string text) => OurCompany.Fill(text, name);
        return email with
        {
            Subject = Fill(email.Subject),
            Paragraphs = [.. email.Paragraphs.Select(Fill)],
            Facts = email.Facts?.Select(f => new Fact(Fill(f.Label), Fill(f.Value))).ToList(),
            Invitation = email.Invitation is { } i ? i with { Summary = Fill(i.Summary), Description = Fill(i.Description) } : null,
        };
    }

    private static IReadOnlyList<LinkedPage> Named(IReadOnlyList<LinkedPage>? pages, string name) =>
        [.. (pages ?? []).Select(p => p with { Label = OurCompany.Fill(p.Label, name) })];

    private static Multipart WithInvitation(MultipartAlternative alternative, Invitation invitation, DateTimeOffset stamp)
    {
        var ics = InvitationCalendar.Serialize(invitation, stamp);
        // Outlook and Gmail read the inline text/calendar alternative; the .ics attachment serves every other client.
        var inline = new TextPart("calendar") { Text = ics };
        inline.ContentType.Parameters.Add("method", "REQUEST");
        inline.ContentType.Charset = "utf-8";
        alternative.Add(inline);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        return new Multipart("mixed") { alternative, attachment };
    }

    private static MailboxAddress Address(Recipient recipient)
    {
        if (!MailboxAddress.TryParse(recipient.Email, out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{recipient.Email}' is not an email address."), nameof(recipient));
        }
        // Someone known only by address is written as the address alone, not "a@b <a@b>".
        return new MailboxAddress(InvitationCalendar.DisplayName(recipient), parsed.Address);
    }
}
