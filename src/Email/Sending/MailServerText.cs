using System.Text.RegularExpressions;

namespace ReferenceFlow.Email.Sending;

/// <summary>
/// What a mail server says when it refuses a message ("550 5.1.1 &lt;jane@contoso.example&gt;: mailbox unknown") often
/// names the recipient. The refusal recorded on a request is neutral (<see cref="Refusal"/>); the server's own words go
/// only to the log, and without the address (<see cref="WithoutAddresses"/>).
/// </summary>
public static partial class MailServerText
{
    public const string AddressPlaceholder = "{address}";

    /// <summary>The words a request's history keeps: the status code, never the server's text.</summary>
    public static string Refusal(int? status) => status is { } code
        ? $"The mail server refused the message for good (SMTP {code})."
        : "The mail server refused the message for good.";

    public static string WithoutAddresses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Address().Replace(text, AddressPlaceholder);
    }

    [GeneratedRegex(@"[^\s<>()\[\]@,;:""']+@[^\s<>()\[\]@,;:""']+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
