using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Rendering;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email;

/// <summary>Every email goes out through here: our staff named from the people directory, links minted, rendered, sent.</summary>
public sealed class EmailDispatcher(EmailRenderer renderer, ActionTokenService tokens, IEmailSender sender, TimeProvider clock, IPeopleDirectory people)
{
    /// <summary>
    /// Sends <paramref name="email"/> for the effect <paramref name="effectId"/>. The same effect id always yields
    /// the same Message-ID and the same action token, so a retry after a crash is recognisable downstream.
    /// Throws <see cref="PermanentEmailException"/> (record on the request) or <see cref="TransientEmailException"/> (re-queue).
    /// </summary>
    public async Task<DispatchedEmail> SendAsync(OutboundEmail email, string effectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(effectId);
        if (StaffInEmail.Addresses(email) is { Count: > 0 } staff)
        {
            email = StaffInEmail.Fill(email, await people.FindAsync(staff, cancellationToken).ConfigureAwait(false));
        }
        MintedAction? action = null;
        if (email.Action is { } link)
        {
            if (string.IsNullOrWhiteSpace(email.RequestId))
            {
                throw new ArgumentException("An email that asks for a decision must belong to a request.", nameof(email));
            }
            action = tokens.Mint(email.RequestId, link, ActionTokenService.TokenIdFor(effectId, link.Action));
        }
        // Not single use and not tied to a step, so a resent email may carry a fresh expiry: that only helps the reader.
        var preferences = email.Preferences is { } contact ? tokens.MintPreferences(contact, ContactAddress(email), clock.GetUtcNow() + PreferenceClaims.Lifetime) : null;
        var pages = email.Links?.Select(tokens.Page).ToList();
        var message = renderer.Render(email, effectId, action, preferences, pages);
        await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new DispatchedEmail(message.MessageId!, action?.Claims.TokenId);
    }

    // The settings link is bound to the address it is sent to, so it may go to the contact alone (their owner only in copy).
    private static string ContactAddress(OutboundEmail email) => email.To is [{ } contact]
        ? contact.Email
        : throw new ArgumentException("An email carrying a preferences link is written to the contact alone.", nameof(email));
}
