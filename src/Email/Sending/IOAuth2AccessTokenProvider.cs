namespace ReferenceFlow.Email.Sending;

/// <summary>
/// Supplies a bearer token for SMTP XOAUTH2 (Exchange Online: scope
/// <c>https://outlook.office365.com/.default</c>). Register one when <c>Smtp:UseOAuth2</c> is true.
/// </summary>
public interface IOAuth2AccessTokenProvider
{
    /// <summary>Returns a token valid for at least the next few minutes.</summary>
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
