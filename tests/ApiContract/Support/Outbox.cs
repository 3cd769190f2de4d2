using System.Text.RegularExpressions;
using MimeKit;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Reads the pickup directory: the .eml files the app sent, found by request and kind.</summary>
public static partial class Outbox
{
    public static IReadOnlyList<MimeMessage> For(string directory, string requestId) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal)
                .Select(Load)
                .Where(m => m.Headers["X-ReferenceFlow-Request"] == requestId)
                .ToList()
            : [];

    public static async Task<MimeMessage> WaitForAsync(
        string directory, string requestId, string kind, int count = 1, TimeSpan? timeout = null, Func<MimeMessage, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            // At-least-once delivery may write a message twice (same Message-ID): count distinct messages.
            var found = For(directory, requestId)
                .Where(m => m.Headers["X-ReferenceFlow-Kind"] == kind && (where?.Invoke(m) ?? true))
                .DistinctBy(m => m.MessageId)
                .ToList();
            if (found.Count >= count) return found[count - 1];
            if (DateTime.UtcNow > deadline)
            {
                var kinds = string.Join(", ", For(directory, requestId).Select(m => m.Headers["X-ReferenceFlow-Kind"]));
                throw new TimeoutException($"No {kind} #{count} for {requestId} within the timeout; sent so far: [{kinds}].");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The action token in the message's links (/actions/{token}).</summary>
    public static string ActionToken(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = (message.TextBody ?? "") + (message.HtmlBody ?? "");
        var match = Token().Match(text);
        Assert.True(match.Success, "The message carries no action link.");
        return match.Groups[1].Value;
    }

    /// <summary>The invitation token in a nominated contact's email (/invitations/{token}).</summary>
    public static string InvitationToken(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Invitation().Match((message.TextBody ?? "") + (message.HtmlBody ?? ""));
        Assert.True(match.Success, "The message carries no invitation link.");
        return match.Groups[1].Value;
    }

    /// <summary>The reference's self-service token in a text or HTML body (/preferences/{token}).</summary>
    public static string PreferencesToken(string body)
    {
        var match = Preferences().Match(body);
        Assert.True(match.Success, "The body carries no preferences link.");
        return match.Groups[1].Value;
    }

    private static MimeMessage Load(string path)
    {
        // Files may still be being written by the sender; retry a moment on a sharing violation.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return MimeMessage.Load(path);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(50);
            }
        }
    }

    [GeneratedRegex(@"/actions/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex Token();

    [GeneratedRegex(@"/invitations/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex Invitation();

    [GeneratedRegex(@"/preferences/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex Preferences();
}
