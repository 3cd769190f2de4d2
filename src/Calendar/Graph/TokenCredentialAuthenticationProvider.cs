using Azure.Core;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Adds an application bearer token from an Azure.Identity credential to each Graph request. Kiota's own
/// provider only sends tokens to Graph's public hosts over https, which rules out national clouds set by URL and local tests.
/// </summary>
public sealed class TokenCredentialAuthenticationProvider(TokenCredential credential, string scope) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", $"Bearer {token.Token}");
    }
}
