using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReferenceFlow.Email.Sending;

/// <summary>
/// Sends over SMTP with MailKit (ACS, Exchange Online or any relay), once: connection failures and 4xx replies are
/// transient and retried by the caller's one retry layer (the workflow's activity retries, the next keep-warm run), so
/// that a person's click waiting on an email is not held by back-off here too; 5xx replies and refused credentials are
/// permanent.
/// </summary>
public sealed partial class SmtpEmailSender(
    IOptions<EmailOptions> options,
    ILogger<SmtpEmailSender> logger,
    IOAuth2AccessTokenProvider? oauth = null) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException($"{EmailOptions.Section}:Smtp:Host is required when Mode is Smtp.");
        }
        var id = message.MessageId ?? throw new ArgumentException("The message has no Message-ID.", nameof(message));
        try
        {
            await SendOnceAsync(smtp.Host, smtp, message, cancellationToken).ConfigureAwait(false);
            LogSent(logger, id);
        }
        catch (Exception ex) when (SmtpFailures.IsPermanent(ex, out var status))
        {
            // The server's words may name the recipient: they go to the log without addresses, and the refusal the request's
            // history records says only the status. The exception is not passed on nor logged whole, as its message holds them.
            LogPermanent(logger, id, status, MailServerText.WithoutAddresses(ex.Message));
            throw new PermanentEmailException(MailServerText.Refusal(status)) { StatusCode = status };
        }
        catch (Exception ex) when (SmtpFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientEmailException($"Sending message {message.MessageId} failed: {ex.Message}", ex);
        }
    }

    private async Task SendOnceAsync(string host, SmtpOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await SendOnAsync(client, host, smtp, message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        // The server has the message. The caller records that at once (a crash before it is recorded sends it again), so
        // saying goodbye to the server happens after, not in between.
        _ = CloseAsync(client, message.MessageId);
    }

    private async Task SendOnAsync(SmtpClient client, string host, SmtpOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (smtp.UseOAuth2)
        {
            var provider = oauth ?? throw new InvalidOperationException("Smtp:UseOAuth2 is set but no IOAuth2AccessTokenProvider is registered.");
            var token = await provider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            await client.AuthenticateAsync(new SaslMechanismOAuth2(smtp.UserName ?? "", token), cancellationToken).ConfigureAwait(false);
        }
        else if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>QUIT and close; the message was accepted already, so a failure here only gets logged.</summary>
    private async Task CloseAsync(SmtpClient client, string? messageId)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogQuitFailed(logger, ex, messageId);
        }
        finally
        {
            client.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was accepted; closing the connection failed")]
    private static partial void LogQuitFailed(ILogger logger, Exception exception, string? messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent message {MessageId} over SMTP")]
    private static partial void LogSent(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMTP server refused message {MessageId} for good (status {Status}): {ServerText}")]
    private static partial void LogPermanent(ILogger logger, string messageId, int? status, string serverText);
}
