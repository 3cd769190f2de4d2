using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Staff names from Entra ID: Microsoft Graph <c>GET /users?$filter=userPrincipalName eq '…' or mail eq '…'</c> with the
/// application permission User.Read.All. With <see cref="GraphOptions.StaffTimeZones"/>, their zone too, from their
/// Outlook settings (<c>GET /users/{id}/mailboxSettings</c>, MailboxSettings.Read). Each address is asked once per
/// <see cref="GraphOptions.PeopleCacheFor"/> (an unknown address too), so a page or an email costs Graph nothing after the first.
/// </summary>
public sealed partial class GraphPeople(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider clock, ILogger<GraphPeople> logger) : IPeopleSource
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
            request.QueryParameters.Select = ["id", "displayName", "userPrincipalName", "mail"];
        }, cancellationToken).ConfigureAwait(false);
        var names = new List<KnownName>();
        if ((users?.Value ?? []).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u.DisplayName)) is { } user)
        {
            var zone = options.Value.StaffTimeZones && user.Id is { } id ? await ZoneAsync(id, cancellationToken).ConfigureAwait(false) : null;
            names.Add(new KnownName(address, user.DisplayName!.Trim(), NameSource.Graph, zone));
        }
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[address] = (names, now + options.Value.PeopleCacheFor);
        return names;
    }

    // Outlook keeps a Windows zone name ("W. Europe Standard Time") or an IANA one; we keep IANA, as every other source.
    // A person without a mailbox, or a permission not granted, costs their zone only: the name still counts.
    private async Task<string?> ZoneAsync(string userId, CancellationToken ct)
    {
        try
        {
            var settings = await graph.Users[userId].MailboxSettings.GetAsync(cancellationToken: ct).ConfigureAwait(false);
            return IanaZone(settings?.TimeZone);
        }
        catch (ODataError e)
        {
            LogZoneUnread(logger, e, e.ResponseStatusCode);
            return null;
        }
    }

    private static string? IanaZone(string? outlookZone)
    {
        if (string.IsNullOrWhiteSpace(outlookZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(outlookZone.Trim(), out var zone)) return null;
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff member's time zone could not be read from Graph (HTTP {Status}); their emails use the program's zone. Is MailboxSettings.Read granted?")]
    private static partial void LogZoneUnread(ILogger logger, Exception exception, int status);
}
