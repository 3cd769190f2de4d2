using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Staff names from Entra ID: Microsoft Graph <c>GET /users?$filter=userPrincipalName eq '…' or mail eq '…'</c> with the
/// application permission User.Read.All. Each address is asked once per <see cref="GraphOptions.PeopleCacheFor"/>
/// (an unknown address too), so a page or an email costs Graph nothing after the first. Graph's user has no time zone
/// without another permission (MailboxSettings.Read), so none is taken from here.
/// </summary>
public sealed class GraphPeople(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider clock) : IPeopleSource
{
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<KnownName> Names, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<KnownName>> NamesAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var address = email.Trim();
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(address, out var cached) && cached.Until > now) return cached.Names;
        var quoted = address.Replace("'", "''", StringComparison.Ordinal);
        var users = await graph.Users.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"userPrincipalName eq '{quoted}' or mail eq '{quoted}'";
            request.QueryParameters.Select = ["displayName", "userPrincipalName", "mail"];
        }, cancellationToken).ConfigureAwait(false);
        var names = (users?.Value ?? [])
            .Where(u => !string.IsNullOrWhiteSpace(u.DisplayName))
            .Select(u => new KnownName(address, u.DisplayName!.Trim(), NameSource.Graph))
            .Take(1)
            .ToList();
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[address] = (names, now + options.Value.PeopleCacheFor);
        return names;
    }
}
