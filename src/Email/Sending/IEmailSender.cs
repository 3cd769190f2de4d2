using MimeKit;

namespace ReferenceFlow.Email.Sending;

/// <summary>Delivers a rendered message. Implementations are idempotent per Message-ID where the transport allows it.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>. Throws <see cref="PermanentEmailException"/> when retrying cannot help
    /// (5xx, rejected recipient, bad credentials) and <see cref="TransientEmailException"/> when retries ran out
    /// on a failure that may pass later (connection, 4xx): the caller records or re-queues accordingly.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
