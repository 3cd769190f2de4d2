using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email.Actions;

// Plain links to the app's own pages ride on the same public base address as the action links; they carry no token:
// the page asks its reader to sign in.
public sealed partial class ActionTokenService
{
    public LinkedPage Page(PageLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.Path.StartsWith('/') || link.Path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{link.Path}' is not a path of this app.", nameof(link));
        }
        return new LinkedPage(link.Label, new Uri(_baseUrl + link.Path));
    }
}

/// <summary>A link to one of the app's pages, with its full address.</summary>
public sealed record LinkedPage(string Label, Uri Url);
