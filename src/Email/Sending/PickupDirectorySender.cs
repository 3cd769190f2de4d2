using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ReferenceFlow.Email.Rendering;

namespace ReferenceFlow.Email.Sending;

/// <summary>
/// Writes each message as an RFC 5322 .eml file, <c>{utc-ticks}-{kind}-{message-id-hash}.eml</c>, so names sort
/// oldest first. Written to a temp file and moved, so a reader never sees half a message; a Message-ID already
/// in the directory is not written twice.
/// </summary>
public sealed partial class PickupDirectorySender(IOptions<EmailOptions> options, TimeProvider time, ILogger<PickupDirectorySender> logger) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var id = FileSafe(message.MessageId?.Split('@')[0] ?? throw new ArgumentException("The message has no Message-ID.", nameof(message)));
        var existing = Directory.EnumerateFiles(directory, $"*-{id}.eml").FirstOrDefault();
        if (existing is not null)
        {
            LogAlreadyWritten(logger, message.MessageId, existing);
            return;
        }
        var kind = FileSafe(message.Headers[EmailRenderer.KindHeader] ?? "Mail");
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().UtcTicks:D19}-{kind}-{id}.eml");
        var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
            File.Move(temp, Path.Combine(directory, name), overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
        LogWritten(logger, message.MessageId, name);
    }

    private static string FileSafe(string text) =>
        new([.. text.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(64)]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote message {MessageId} to the pickup directory as {FileName}")]
    private static partial void LogWritten(ILogger logger, string messageId, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} is already in the pickup directory ({Path}); not written again")]
    private static partial void LogAlreadyWritten(ILogger logger, string messageId, string path);
}
