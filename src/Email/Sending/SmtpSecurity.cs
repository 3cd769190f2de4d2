namespace ReferenceFlow.Email.Sending;

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which is required (port 587).</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: local relays and test servers only.</summary>
    None,
}
