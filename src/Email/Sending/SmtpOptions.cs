namespace ReferenceFlow.Email.Sending;

/// <summary>Configuration section <c>ReferenceFlow:Email:Smtp</c> (see docs/email.md for ACS, Exchange Online and relays).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Authenticate with XOAUTH2 using the registered <see cref="IOAuth2AccessTokenProvider"/> instead of a password.</summary>
    public bool UseOAuth2 { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
